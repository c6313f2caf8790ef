-- String building with table.concat.
local total = 0
for r = 1, 200 do
  local t = {}
  for i = 1, 20000 do t[#t + 1] = "item" end
  local s = table.concat(t, ",")
  total = total + #s
end
print(total)
