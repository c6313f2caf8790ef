print(string.match(12345, "%d%d"))
print(string.match("x12y", 12))
print(string.find(3.5, "%."))
