print(string.format("%c%c%c", 76, 117, 97))
print(string.format("[%5c][%-5c]", 65, 66))
print(#string.format("%c", 0), #string.format("%3c", 0), #string.format("a%cb", 0))
print(string.format("%c", 256 + 65))
