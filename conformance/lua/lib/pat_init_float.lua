print(string.find("abcdef", "d", 2.7))
print(string.find("abcdef", "d", -3.5))
print(string.match("abcdef", ".", "3"))
