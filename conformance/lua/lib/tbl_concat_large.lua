local t = {}
for i = 1, 50000 do t[i] = i % 10 end
local s = table.concat(t)
print(#s, s:sub(1, 12), s:sub(-5))
print(#table.concat(t, ", "))
