-- String building with table.concat: 20,000 pieces appended with t[#t + 1], then joined.
local scale = tonumber(arg and arg[1]) or 1
local rounds = math.max(1, math.floor(200 * scale))

local total = 0
for r = 1, rounds do
  local t = {}
  for i = 1, 20000 do t[#t + 1] = "item" end
  local s = table.concat(t, ",")
  total = total + #s
end
print("checksum", total)
