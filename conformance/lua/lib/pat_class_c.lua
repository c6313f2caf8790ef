-- %c: control characters
print(string.find("a\tb", "%c"))
print(string.gsub("x\1y\127z\31", "%c", "?"))
print(string.match("abc", "%c"))
