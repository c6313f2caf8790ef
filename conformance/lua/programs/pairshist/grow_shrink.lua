-- needs: table
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {}
local function keys(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
for round = 1, 4 do
  for i = 1, 30 * round do t["r" .. round .. "_" .. i] = i end
  for i = 1, 30 * round, 2 do t["r" .. round .. "_" .. i] = nil end
  print(round, keys(t))
end
local s = {}
for k in pairs(t) do s[#s + 1] = k end
print(table.concat(s, " ", 1, 40))
t.fresh = true
s = {}
for k in pairs(t) do s[#s + 1] = k end
print(table.concat(s, " ", 1, 40))
