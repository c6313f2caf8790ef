local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
print(type(string.gfind))
for w in string.gfind("a b c", "%a") do W(w) end NL()
