-- pairs and ipairs return iterator functions of their own, distinct from the global next
print(rawequal(next, pairs({})))
local f = pairs({})
print(f == next, f == pairs({}))
local g = ipairs({})
print(g == ipairs({}), type(g))
local saved = next
next = function() return nil end
for k in pairs({1}) do print("still iterates", k) end
next = saved
