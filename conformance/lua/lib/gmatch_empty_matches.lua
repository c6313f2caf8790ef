local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
for m in string.gmatch("abc", "") do W("[", m, "]") end NL()
for m in string.gmatch("abc", "x*") do W("[", m, "]") end NL()
for p in string.gmatch("abc", "()") do W(p, " ") end NL()
