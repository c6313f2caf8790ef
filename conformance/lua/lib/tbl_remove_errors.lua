print(pcall(table.remove))
print(pcall(table.remove, 1))
print(pcall(table.remove, {}, "x"))
