-- the comparator call sequence follows Lua 5.1's quicksort
local calls = {}
local t = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
table.sort(t, function(a, b) calls[#calls + 1] = a .. "<" .. b; return a < b end)
print(table.concat(t, " "))
print(#calls)
print(table.concat(calls, " "))
