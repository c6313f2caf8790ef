g1, g2 = 1, 2
g1, g2 = g2, g1
print(g1, g2)
local l1 = 10
l1, g1 = g1, l1
print(l1, g1)
local t = {n = 0}
t.n, t.m = t.n + 1, t.n
print(t.n, t.m)
local up = 0
local function inc() up, g2 = up + 1, up return up end
print(inc(), inc(), up, g2)
