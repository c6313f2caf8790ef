local t = {1.5, -2, 0, 1e10, -1e-10, 3, 2.25}
table.sort(t)
print(table.concat(t, " "))
