local t = {"a\0b", "a", "a\0a", "b", ""}
table.sort(t)
for i = 1, #t do io.write(string.format("%q", t[i]), " ") end print()
