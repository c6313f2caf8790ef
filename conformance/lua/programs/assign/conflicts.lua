local a = {}
local i = 3
i, a[i] = i + 1, 20
print(i, a[3], a[4])
local t = {{}}
local k = 1
t, t[k] = 5, 6
print(t)
local x = {}
local y = x
x, x.f = nil, 1
print(x, y.f)
local b = {}
local idx = "p"
idx, b[idx], b.q = "r", 1, 2
print(idx, b.p, b.q, b.r)
