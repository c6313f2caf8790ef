print(table.concat({1, 2, 3}, 0))
print(table.concat({"a", "b"}, 1.5))
