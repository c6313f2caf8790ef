local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. ":" .. tostring(v) .. " " end return s end
local t = {}
for i = 1, 20 do t[i * 7 % 23] = i end
print(dump(t))
local u = {}
for i = 20, 1, -1 do u[i] = i end
print(dump(u))
local f = {}
for i = 1, 15 do f[i / 4] = i end
print(dump(f))
local neg = {}
for i = -10, 10 do neg[i] = i end
print(dump(neg))
local big = {}
for i = 1, 12 do big[2 ^ (i * 3)] = i end
print(dump(big))
local sparse = {}
for i = 1, 10 do sparse[i * 1000] = i end
print(dump(sparse))
