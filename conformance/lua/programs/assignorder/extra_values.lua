local calls = 0
local function f() calls = calls + 1 return calls end
local a = 1, f()
print(a, calls)
local b, c = f(), f(), f()
print(b, c, calls)
local t = {}
t.p, t.q = 1
print(t.p, t.q)
local x, y, z
x, y, z = 1, 2
print(x, y, z)
x, y = 1, 2, f()
print(x, y, calls)
