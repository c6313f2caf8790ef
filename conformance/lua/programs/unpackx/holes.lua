local t = {1, nil, 3}
print(select("#", unpack(t)), unpack(t))
local u = {}
u[1], u[2], u[4] = "a", "b", "d"
print(unpack(u, 1, 4))
print(select("#", unpack(u, 1, 4)))
local v = setmetatable({}, {__index = function(_, i) return i * 100 end})
print(unpack(v, 1, 3))
print(select("#", unpack(v)))
local w = setmetatable({1, 2}, {__len = function() return 5 end})
print(select("#", unpack(w)))
