local t = {}
table.insert(t, "a")
table.insert(t, "b")
table.insert(t, 1, "z")
print(#t, table.concat(t, ","))
table.insert(t, 2, "y")
table.insert(t, #t + 1, "end")
print(#t, table.concat(t, ","))
