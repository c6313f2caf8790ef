local base = {greet = function() return "base greet" end, name = "base"}
local mid = setmetatable({name = "mid"}, {__index = base})
local top = setmetatable({}, {__index = mid})
print(top.name, top.greet(), top.missing)
local fn = setmetatable({}, {__index = function(t, k) return "fn:" .. tostring(k) end})
local chain = setmetatable({}, {__index = fn})
print(chain.x, chain[1], rawget(chain, "x"))
local depth = {}
local cur = {leaf = "found"}
for i = 1, 50 do cur = setmetatable({}, {__index = cur}) end
print(cur.leaf, cur.nothing)
local counter = 0
local lazy = setmetatable({}, {__index = function(t, k) counter = counter + 1 rawset(t, k, k * 2) return k * 2 end})
print(lazy[5], lazy[5], counter)
