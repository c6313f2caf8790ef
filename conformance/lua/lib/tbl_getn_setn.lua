print(table.getn({1, 2, 3}), table.getn({}), table.getn({n = 5}))
print(pcall(table.setn, {}, 3))
print(pcall(table.getn))
