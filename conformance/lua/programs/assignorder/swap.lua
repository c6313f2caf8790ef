local a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
local t = {1, 2, 3}
t[1], t[2], t[3] = t[3], t[1], t[2]
print(t[1], t[2], t[3])
local i = 1
i, t[i] = i + 1, "changed"
print(i, t[1], t[2])
local x = {}
local k = 1
k, x[k], x[k + 1] = 5, "p", "q"
print(k, x[1], x[2], x[5], x[6])
