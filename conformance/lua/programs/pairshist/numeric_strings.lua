-- needs: table
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {}
for i = 1, 10 do t[tostring(i)] = "s" .. i t[i] = "n" .. i end
print(dump(t))
for i = 1, 10, 2 do t[tostring(i)] = nil end
for i = 2, 10, 2 do t[i] = nil end
print(dump(t))
t["1.0"] = 1 t[1.0] = 2 t["01"] = 3
print(dump(t))
