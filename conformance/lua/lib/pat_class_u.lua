print(string.match("abCDEfg", "%u+"))
print(string.gsub("Hello World", "%u", function(c) return c:lower() end))
