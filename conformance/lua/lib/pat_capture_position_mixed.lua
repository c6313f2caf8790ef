print(string.match("bab", "(a)()"))
print(string.match("ba", "(()a)"))
for p, w in string.gmatch("one two", "()(%a+)") do print(p, w) end
