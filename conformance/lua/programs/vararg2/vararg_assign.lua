local function mr() return "a", "b", "c" end
local t = {}
t.x, t.y, t.z = mr()
print(t.x, t.y, t.z)
t.x, t.y, t.z = mr(), "k"
print(t.x, t.y, t.z)
t.x, t.y, t.z = (mr())
print(t.x, t.y, t.z)
local a, b = mr(), mr()
print(a, b)
local function none() end
local p, q = none(), 1
print(p, q)
local u, v, w = 1, none()
print(u, v, w)
