-- sort is not stable; the resulting order of equal keys follows 5.1's algorithm
local t = {}
for i = 1, 20 do t[i] = {k = i % 3, id = i} end
table.sort(t, function(a, b) return a.k < b.k end)
local ids = {}
for i, v in ipairs(t) do ids[i] = v.k .. ":" .. v.id end
print(table.concat(ids, " "))
