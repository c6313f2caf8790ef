-- String building: .. of several operands (numbers and strings), a growing string, and
-- table.concat of many pieces.
local scale = tonumber(arg and arg[1]) or 1
local n = math.floor(200000 * scale)

local len = 0
for i = 1, n do
  local s = "id:" .. i .. ":" .. (i * 2) .. ";"
  len = len + #s
end

for r = 1, math.max(1, math.floor(20 * scale)) do
  local s = ""
  for i = 1, 1000 do s = s .. "ab" end
  len = len + #s
end

for r = 1, 10 do
  local parts = {}
  for i = 1, n / 10 do parts[#parts + 1] = "item" .. (i % 100) end
  local s = table.concat(parts, ",")
  len = len + #s
end
print("checksum", len)
