print(("abcdef"):sub(2.5, 4.9), ("abcdef"):sub("2", "3"), ("abcdef"):sub(-2.5))
print(("abcdef"):sub(1e10), ("abcdef"):sub(-1e10, 1e10))
