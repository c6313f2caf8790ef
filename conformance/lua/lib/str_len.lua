print(string.len(""), string.len("abc"), string.len("a\0b"), #"hello")
print(string.len(123), string.len(1.5))
print(pcall(string.len))
print(pcall(string.len, {}))
