-- needs: table
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {}
for i = -5, 5 do t[i] = i end
print(dump(t))
t[0] = nil t[-5] = nil
t[6] = 6 t[-6] = -6
print(dump(t))
for i = -20, -10 do t[i] = i end
print(dump(t))
