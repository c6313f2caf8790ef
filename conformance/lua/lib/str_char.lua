print(string.char(72, 105), string.char(), string.char(0) == "\0")
print(string.char(255):byte(), string.char("65", 66.7))
print(#string.char(1, 2, 3, 4, 5))
