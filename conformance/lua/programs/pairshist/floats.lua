-- needs: table
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {}
for _, k in ipairs({0.5, -1, 1e10, 2^53, 3.25, -0.125, 1e-3, 7, 1e300, -2^40}) do t[k] = k end
print(dump(t))
t[0.5] = nil t[7] = nil t[1e300] = nil
print(dump(t))
t[0.75] = 1 t[8] = 2 t[-7] = 3
print(dump(t))
for i = 1, 20 do t[i / 4] = i end
print(dump(t))
