local function f(level) error("msg", level) end
local function g(level) f(level) end
print(pcall(f, 0))
print(pcall(f, 1))
print(pcall(g, 2))
print(pcall(g, 3))
print(pcall(g, 4))
print(pcall(g, 50))
print(pcall(f, -1))
print(pcall(f, "2"))
print(pcall(f, nil))
print(pcall(error, "top", 1))
print(pcall(error, "top", 2))
