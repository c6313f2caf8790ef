local t = {1, 2}
local u = t
t, t[1] = {}, "x"
print(u[1], t[1])
local a = {}
local b = {}
a.next, a = b, b
print(a == b, b.next)
local s = {}
s[1], s[1] = "first", "second"
print(s[1])
local q = {}
q.v, q.v, q.v = 1, 2, 3
print(q.v)
local i = 3
local arr = {}
i, arr[i] = i - 1, 20
print(i, arr[3], arr[2])
