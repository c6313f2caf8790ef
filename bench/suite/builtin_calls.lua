-- Calls from Lua to library functions (C in PUC Lua, Go in the Go engines): math.floor,
-- math.abs, math.max, type and select in a tight loop.
local scale = tonumber(arg and arg[1]) or 1
local n = math.floor(1000000 * scale)

local floor, abs, max, type, select = math.floor, math.abs, math.max, type, select
local s = 0
for i = 1, n do
  s = s + floor(i / 3) + abs(-i) + max(i, 5)
  if type(s) == "number" then s = s - select("#", i, i) end
end
print("checksum", s)
