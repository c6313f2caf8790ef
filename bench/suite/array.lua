-- Array part: fill 1e6 slots, read them back with a numeric for and with ipairs, overwrite.
local scale = tonumber(arg and arg[1]) or 1
local n = math.floor(1000000 * scale)

local sum = 0
for r = 1, 3 do
  local t = {}
  for i = 1, n do t[i] = i + r end
  for i = 1, n do sum = sum + t[i] end
  for i = 1, n, 2 do t[i] = t[i] * 2 end
  for _, v in ipairs(t) do sum = sum + v end
  sum = sum % 1000000007 + #t
end
print("checksum", sum)
