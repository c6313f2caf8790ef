-- needs: table
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {}
for i = 1, 8 do t["a" .. i] = i end
for i = 1, 8 do t["a" .. i] = nil end
for i = 1, 8 do t["b" .. i] = i end
print(dump(t))
for i = 1, 4 do t["c" .. i] = i end
print(dump(t))
for i = 1, 8 do t["b" .. i] = nil end
t.z = 26
print(dump(t))
