print(string.match("ABcdEF", "%l+"))
print(string.gsub("Hello World", "%l", "*"))
