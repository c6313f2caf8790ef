local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. " " end return s end
local t = {}
for i = 10, 1, -1 do t[i] = i; print(i, dump(t)) end
local u = {}
u[1] = 1; u[3] = 3; u[5] = 5; u[7] = 7
print(dump(u))
u[2] = 2; u[4] = 4
print(dump(u))
u[6] = 6; u[8] = 8; u[9] = 9
print(dump(u))
local v = {}
for i = 1, 32 do v[i] = i end
for i = 1, 24 do v[i] = nil end
v.x = 1
for i = 100, 110 do v[i] = i end
print(dump(v))
