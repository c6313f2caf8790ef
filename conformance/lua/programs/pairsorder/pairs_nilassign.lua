local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. " " end return s end
local t = {}
for i = 1, 8 do t["a" .. i] = i end
for i = 1, 8 do t["a" .. i] = nil end
print(dump(t))
for i = 1, 8 do t["b" .. i] = nil end
for i = 1, 5 do t["c" .. i] = i end
print(dump(t))
local u = {x = 1, y = 2}
u.z = nil; u.w = nil
u.v = 3
print(dump(u))
local arr = {1, 2, 3, 4, 5, 6, 7, 8}
for i = 1, 8 do arr[i] = nil end
arr.x = 1
arr[20] = 20
print(dump(arr))
