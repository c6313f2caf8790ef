print(table.concat({1, 2, 3}), table.concat({1, 2, 3}, ", "), table.concat({}, "x"))
print(table.concat({"a", "b", "c"}, "-", 2), table.concat({"a", "b", "c"}, "-", 2, 2), table.concat({"a", "b", "c"}, "-", 3, 2))
print(table.concat({1.5, 2, "x"}, " "))
