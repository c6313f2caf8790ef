print(pcall(string.byte))
print(pcall(string.byte, "a", "x"))
print(pcall(string.byte, "a", 1, {}))
