local t = {1, 2, 3, x = 1, ["y"] = 2, [10] = 10, 4}
print(#t, t[1], t[4], t.x, t.y, t[10])
local function f() return 5, 6, 7 end
local u = {f()}
print(#u, u[1], u[3])
local v = {f(), f()}
print(#v, v[1], v[2], v[4])
local w = {(f())}
print(#w)
local n = {nil, nil, 3}
print(n[3])
local big = {}
for i = 1, 100 do big[i] = i end
print(#big)
local c = {[1] = "a", [2] = "b", "c"}
print(c[1], c[2])
local nested = {a = {b = {c = "deep"}}}
print(nested.a.b.c)
local m = {1, 2, 3; 4, 5; n = 1,}
print(#m, m.n)
local k = {[1.5] = "f", [true] = "t", [false] = "f2"}
print(k[1.5], k[true], k[false])
local e = {f(), nil}
print(#e)
local l = {1, 2, f()}
print(#l, l[5])
local g = {[3] = 3, 1, 2}
print(g[1], g[2], g[3], #g)
