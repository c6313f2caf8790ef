-- needs: table
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {}
for i = 1, 10 do table.insert(t, i) end
t.name = "list"
table.insert(t, 1, 0)
table.remove(t, 5)
print(dump(t))
for i = 1, 5 do table.remove(t) end
t.other = 1
print(dump(t))
table.insert(t, 3, "mid")
print(dump(t))
