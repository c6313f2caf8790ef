for m in string.gmatch("abc", "") do io.write("[", m, "]") end print()
for m in string.gmatch("abc", "x*") do io.write("[", m, "]") end print()
for p in string.gmatch("abc", "()") do io.write(p, " ") end print()
