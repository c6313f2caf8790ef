print(pcall(string.gsub))
print(pcall(string.gsub, "a"))
print(pcall(string.gsub, "a", "("))
print(pcall(string.gsub, "a", "%", "x"))
