print(string.gsub("hello world", "%w+", function(w) return w:upper() end))
print(string.gsub("abc", "%w", function(c) return c:byte() end))
print(string.gsub("abc", "%w", function(c) if c == "b" then return nil end return "X" end))
print(string.gsub("abc", "%w", function() return false end))
