-- needs: math
local k = gcinfo()
print(type(k), k > 0, math.floor(k) == k)
local before = collectgarbage("count")
local t = {}
for i = 1, 10000 do t[i] = {i} end
print(collectgarbage("count") > before)
t = nil
collectgarbage()
print(type(gcinfo()))
print(select("#", collectgarbage("count")))
