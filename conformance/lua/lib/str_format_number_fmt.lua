print(string.format(12), string.format(1.5))
