print(string.match("  x", "^%s*"))
print(string.match("abc", "^(%a)(%a)"))
print(string.match("abc", "^b"))
