print(string.gsub("a\tb\nc", "%C", "#"))
print(string.match("\1\2abc", "%C+"))
