local w = setmetatable({}, {__mode = "k"})
local key = {}
w[key] = 1
print(w[key])
local v = setmetatable({}, {__mode = "v"})
v[1] = "str"
print(v[1])
print(getmetatable(w).__mode)
