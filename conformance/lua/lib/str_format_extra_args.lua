print(string.format("%d", 1, 2, 3))
print(string.format("plain", 1, 2))
print(string.format(""))
