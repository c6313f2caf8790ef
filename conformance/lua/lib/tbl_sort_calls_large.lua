local n = 0
local t = {}
for i = 1, 200 do t[i] = (i * 7919) % 211 end
table.sort(t, function(a, b) n = n + 1; return a < b end)
print(n, t[1], t[100], t[200])
