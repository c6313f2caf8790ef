local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. " " end return s end
print(dump({a = 1, b = 2, c = 3, d = 4, e = 5}))
print(dump({e = 1, d = 2, c = 3, b = 4, a = 5}))
print(dump({1, 2, 3, x = 1, y = 2, z = 3}))
print(dump({name = "n", id = 1, tags = {}, score = 1.5, ok = true, [1] = "one"}))
print(dump({["a b"] = 1, ["c.d"] = 2, [""] = 3, ["\0"] = 4}))
local t = {x = 1, y = 2}
t.z = 3
print(dump(t))
local u = {}
u.z = 3 u.x = 1 u.y = 2
print(dump(u))
