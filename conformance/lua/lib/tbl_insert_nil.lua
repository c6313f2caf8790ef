local t = {1, 2, 3}
table.insert(t, nil)
print(#t)
table.insert(t, 2, nil)
print(#t, t[1], t[2], t[3], t[4])
