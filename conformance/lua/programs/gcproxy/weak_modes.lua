local weak = setmetatable({}, {__mode = "k"})
local key = {}
weak[key] = "value"
collectgarbage()
print(weak[key])
local n = 0
for k, v in pairs(weak) do n = n + 1 end
print(n)
local vals = setmetatable({}, {__mode = "v"})
vals[1] = "strings are not collected"
vals[2] = 10
collectgarbage()
print(vals[1], vals[2])
print(getmetatable(weak).__mode, getmetatable(vals).__mode)
