-- needs: table string
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {}
local long = string.rep("abcdefghij", 5)
for i = 1, 24 do t[long .. i] = i t[i .. long] = -i end
local vals = {}
for k, v in pairs(t) do vals[#vals + 1] = v end
print(table.concat(vals, " "))
for i = 1, 24, 2 do t[long .. i] = nil end
for i = 100, 110 do t[long:sub(1, 31) .. i] = i end
vals = {}
for k, v in pairs(t) do vals[#vals + 1] = v end
print(table.concat(vals, " "))
