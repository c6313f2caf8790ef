print(string.format("%d %d %d %d", 3.99, -3.99, 0.5, -0.5))
print(string.format("%d", 2^31), string.format("%d", 2^53), string.format("%d", -2^63))
print(string.format("%d %d %d", 1e20, 1/0, 0/0))
