local s = string.rep("abc ", 2000)
local r, n = string.gsub(s, "b", "BB")
print(#r, n, r:sub(1, 20))
