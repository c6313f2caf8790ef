print(type(string.gfind))
for w in string.gfind("a b c", "%a") do io.write(w) end print()
