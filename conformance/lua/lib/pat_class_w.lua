local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
print(string.match("  foo_bar99 ", "%w+"))
for w in string.gmatch("one two3 _four five-six", "%w+") do W("[", w, "]") end NL()
