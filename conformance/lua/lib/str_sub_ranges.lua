local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
local s = "abcdef"
for i = -8, 8, 2 do
  for j = -8, 8, 3 do W("[", s:sub(i, j), "]") end
  NL()
end
