local t = {}
for i = 1, 100 do t[i] = i end
local n = 0
table.sort(t, function(a, b) n = n + 1 return a < b end)
print(n, t[1], t[100])
for i = 1, 100 do t[i] = 101 - i end
n = 0
table.sort(t, function(a, b) n = n + 1 return a < b end)
print(n, t[1], t[100])
