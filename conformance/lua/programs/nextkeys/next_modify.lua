collectgarbage("stop")
local t = {}
for i = 1, 6 do t["k" .. i] = i end
local order = {}
for k in pairs(t) do order[#order + 1] = k end
local k = next(t)
t[k] = nil
print(next(t, k) ~= nil)
local keys = {}
for kk, v in pairs(t) do keys[#keys + 1] = kk t[kk] = v + 100 end
print(#keys)
local sum = 0
for _, v in pairs(t) do sum = sum + v end
print(sum)
