local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end
local t = {}
for i = 1, 10 do t["k" .. i] = i end
for k, v in pairs(t) do t[k] = v * 2 end
print(dump(t))
for k in pairs(t) do if t[k] % 4 == 0 then t[k] = nil end end
print(dump(t))
local a = {}
for i = 1, 10 do a[i] = i end
for k, v in pairs(a) do if k % 2 == 0 then a[k] = nil end end
print(dump(a))
