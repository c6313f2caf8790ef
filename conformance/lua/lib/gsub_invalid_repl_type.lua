print(pcall(string.gsub, "abc", "a", true))
print(pcall(string.gsub, "abc", "a", nil))
print(pcall(string.gsub, "abc", "a"))
print(pcall(function() return string.gsub("abc", "a", true) end))
