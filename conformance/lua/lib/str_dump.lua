local function f(a, b) return a + b end
local d = string.dump(f)
print(type(d), #d > 0, d:sub(1, 4) == "\27Lua")
local g = loadstring(d)
print(g(2, 3))
print(pcall(string.dump, print))
print(pcall(string.dump))
