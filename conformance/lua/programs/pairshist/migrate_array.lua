-- needs: table
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {}
for i = 20, 1, -1 do t[i] = i end
print(dump(t))
for i = 1, 20, 3 do t[i] = nil end
t.a = 1
print(dump(t))
for i = 21, 40 do t[i] = i end
print(dump(t))
local u = {}
u[1] = 1 u[2] = 2 u[4] = 4 u[8] = 8 u[16] = 16 u[32] = 32
print(dump(u))
u[3] = 3 u[5] = 5 u[6] = 6 u[7] = 7
print(dump(u))
