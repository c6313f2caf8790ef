-- needs: table
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {}
t[true] = "T" t[false] = "F" t.x = 1 t[1] = 1
print(dump(t))
t[true] = nil
t.y = 2 t.z = 3
print(dump(t))
t[true] = "again"
print(dump(t))
for i = 1, 10 do t["k" .. i] = i end
t[false] = nil
print(dump(t))
t[false] = 0
print(dump(t))
