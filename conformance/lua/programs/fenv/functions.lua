local function f() return a, b end
a, b = "ga", "gb"
print(f())
local e1 = {a = 1, b = 2}
print(setfenv(f, e1) == f)
print(f())
print(getfenv(f) == e1)
local g = f
print(g())
setfenv(g, setmetatable({}, {__index = function(t, k) return k .. "!" end}))
print(f())
print(pcall(setfenv, f, nil))
print(pcall(setfenv, f, 1))
print(pcall(setfenv, nil, {}))
print(pcall(setfenv, {}, {}))
print(pcall(getfenv, {}))
