print(string.find("", "^$"))
print(string.find("a", "^$"))
print(string.match("12345", "^%d+$"))
print(string.match("123a5", "^%d+$"))
