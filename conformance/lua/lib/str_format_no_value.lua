print(pcall(string.format, "%d"))
print(pcall(string.format, "%y"))
print(pcall(string.format, "%"))
print(pcall(function() return string.format("%d %d", 1) end))
