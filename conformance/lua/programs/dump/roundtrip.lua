-- needs: string
local function add(a, b) return a + b end
local d = string.dump(add)
print(type(d), #d > 0)
local f = loadstring(d)
print(type(f), f(2, 3), f(1.5, -1))
local g = loadstring(string.dump(f))
print(g(10, 20))
local function varargs(...) return select("#", ...), ... end
print(loadstring(string.dump(varargs))(1, nil, 3))
local function strs() return "a\0b", 1e300, -0.5, true, nil end
print(loadstring(string.dump(strs))())
