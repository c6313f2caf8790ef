print(pcall(string.format, "%100d", 1))
print(pcall(string.format, "%.100d", 1))
print(pcall(string.format, "%1.100f", 1))
print(string.format("%99d", 1):len(), string.format("%.99f", 1):len())
