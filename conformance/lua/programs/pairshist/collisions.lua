-- needs: table
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {}
for i = 0, 15 do t[i * 16 + 0.5] = i end
print(dump(t))
for i = 0, 15, 3 do t[i * 16 + 0.5] = nil end
for i = 0, 7 do t[i * 32 + 0.25] = -i end
print(dump(t))
local u = {}
for i = 1, 16 do u[2^(i + 20)] = i end
print(dump(u))
