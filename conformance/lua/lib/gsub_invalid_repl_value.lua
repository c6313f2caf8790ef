print(pcall(string.gsub, "abc", "a", {a = {}}))
print(pcall(string.gsub, "abc", "a", function() return {} end))
print(pcall(string.gsub, "abc", "a", function() return true end))
