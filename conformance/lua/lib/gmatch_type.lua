print(type(string.gmatch("a", "a")))
local n = 0
for _ in string.gmatch(string.rep("ab", 1000), "b") do n = n + 1 end
print(n)
