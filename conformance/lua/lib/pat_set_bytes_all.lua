local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
for _, set in ipairs({"[a-z]", "[^a-z]", "[%a_]", "[%z-\31]", "[\127-\255]", "[%]%-]", "[^%w%s]", "[-]", "[a-]"}) do
  local _, n = string.gsub(all, set, "")
  W(n, " ")
end
NL()
