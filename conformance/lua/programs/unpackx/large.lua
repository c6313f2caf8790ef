local t = {}
for i = 1, 5000 do t[i] = i end
print(select("#", unpack(t)))
local function sum(...) local s = 0 for i = 1, select("#", ...) do s = s + select(i, ...) end return s end
local small = {}
for i = 1, 300 do small[i] = i end
print(sum(unpack(small)))
print(pcall(unpack, {}, 1, 1e7))
print(pcall(unpack, t, 1, 2^40))
print(select("#", unpack(t, 4990)))
