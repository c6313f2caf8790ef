local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(v) .. " " end return s end
local t = {}
local base = "this is a rather long key prefix used to test the hash "
for i = 1, 30 do t[base .. i] = i end
print(dump(t))
local u = {}
for i = 1, 25 do u[i .. base] = i end
print(dump(u))
local w = {}
for i = 1, 20 do w[base .. base .. i .. base] = i end
print(dump(w))
