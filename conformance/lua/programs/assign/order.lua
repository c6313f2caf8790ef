local a, b, c = 1, 2
print(a, b, c)
a, b = b, a
print(a, b)
local t = {1, 2, 3}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local x, y, z = (function() return 1, 2, 3 end)()
print(x, y, z)
local u = {}
u.a, u.b, u.a = 1, 2, 3
print(u.a, u.b)
local function f() return 9 end
local p, q = f(), f()
print(p, q)
local n = 0
local function nxt() n = n + 1; return n end
local r = {}
r[nxt()], r[nxt()] = nxt(), nxt()
local keys = "" for k, v in pairs(r) do keys = keys .. k .. "=" .. v .. " " end print(keys)
local m = {}
local j = 1
j, m[j], m[j + 1] = 5, "a", "b"
print(j, m[1], m[2], m[5])
g1, g2 = 1
print(g1, g2)
local a1, a2, a3 = 1, 2, 3, 4
print(a1, a2, a3)
