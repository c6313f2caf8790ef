print(string.match("abc", "(x?)(a)"))
print(string.match("-5", "^([+-]?)(%d+)$"))
print(string.match("5", "^([+-]?)(%d+)$"))
