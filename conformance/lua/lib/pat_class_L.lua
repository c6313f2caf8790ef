print(string.match("abCDef", "%L+"))
print(string.gsub("Hello World", "%L", "_"))
