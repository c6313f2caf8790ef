local ok, err = pcall(table.sort, {3, 1, 2, 5, 4, 7, 6, 9, 8, 10, 12, 11}, function(a, b) return true end)
print(ok, err)
ok, err = pcall(table.sort, {1, 2, 3}, function(a, b) return true end)
print(ok, err)
