-- needs: table
local mt = {__lt = function(a, b) return a.k < b.k end}
local items = {}
for _, k in ipairs({5, 3, 9, 1, 7, 2, 8}) do items[#items + 1] = setmetatable({k = k}, mt) end
table.sort(items)
local out = {}
for _, v in ipairs(items) do out[#out + 1] = v.k end
print(table.concat(out, " "))
table.sort(items, function(a, b) return b < a end)
out = {}
for _, v in ipairs(items) do out[#out + 1] = v.k end
print(table.concat(out, " "))
print(pcall(table.sort, {setmetatable({}, {}), setmetatable({}, {})}))
