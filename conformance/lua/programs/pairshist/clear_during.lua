-- needs: table
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {}
for i = 1, 10 do t["key" .. i] = i end
for i = 1, 5 do t[i] = i end
local seen = {}
for k, v in pairs(t) do
  seen[#seen + 1] = tostring(k)
  t[k] = nil
end
print(table.concat(seen, " "))
print(next(t))
for i = 1, 8 do t["n" .. i] = i end
local s2 = {}
for k, v in pairs(t) do
  if v % 2 == 0 then t[k] = nil else t[k] = v * 10 end
  s2[#s2 + 1] = tostring(k)
end
print(table.concat(s2, " "))
print(dump(t))
