-- Calls to Go (C) library functions.
local floor, abs, max, type, select = math.floor, math.abs, math.max, type, select
local s = 0
for i = 1, 1000000 do
  s = s + floor(i / 3) + abs(-i) + max(i, 5)
  if type(s) == "number" then s = s - select("#", i, i) end
end
print(s)
