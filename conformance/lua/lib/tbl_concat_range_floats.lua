print(table.concat({"a", "b", "c", "d"}, "", 1.9, 3.2))
print(pcall(table.concat, {"a", "b", "c"}, "", -1, 1))
print(table.concat({[-1] = "x", [0] = "y", "a"}, "", -1, 1))
