-- String building with the .. operator: a string grown one byte at a time, and short strings
-- of four operands (two of them numbers).
local scale = tonumber(arg and arg[1]) or 1
local rounds = math.max(1, math.floor(50 * scale))
local n = math.floor(300000 * scale)

local len = 0
for r = 1, rounds do
  local s = ""
  for i = 1, 2000 do s = s .. "x" end
  len = len + #s
end
local parts = 0
for i = 1, n do
  local t = "a" .. i .. "b" .. i
  parts = parts + #t
end
print("checksum", len, parts)
