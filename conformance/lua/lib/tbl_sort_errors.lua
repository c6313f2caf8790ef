print(pcall(table.sort))
print(pcall(table.sort, {}, 1))
print(pcall(table.sort, "x"))
print(pcall(function() table.sort({3, 2, 1}, "x") end))
