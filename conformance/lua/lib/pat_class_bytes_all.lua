-- counts of every class over all 256 byte values
local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
for _, c in ipairs({"a", "c", "d", "l", "p", "s", "u", "w", "x", "z", "A", "C", "D", "L", "P", "S", "U", "W", "X", "Z"}) do
  local _, n = string.gsub(all, "%" .. c, "")
  W(c, "=", n, " ")
end
NL()
