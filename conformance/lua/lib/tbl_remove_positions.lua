local t = {1, 2, 3}
print(table.remove(t, 5), #t)
print(table.remove(t, 0), #t)
print(table.remove(t, -1), #t)
print(table.remove(t, #t), #t)
print(select("#", table.remove({})))
