print(string.format("100%%"), string.format("%%d"), string.format("%d%%", 50))
print(pcall(string.format, "%5%"))
print(pcall(string.format, "%5%", 1))
