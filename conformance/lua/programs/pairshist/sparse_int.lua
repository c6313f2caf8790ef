-- needs: table
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {}
for _, k in ipairs({1000, 1, 500, 2, 250, 3, 125, 4, 62, 5, 31, 6, 15, 7}) do t[k] = true end
print(dump(t))
for k = 1, 7 do t[k] = nil end
print(dump(t))
for k = 8, 14 do t[k] = k end
print(dump(t))
