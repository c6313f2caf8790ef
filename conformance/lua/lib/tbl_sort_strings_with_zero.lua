local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
local t = {"a\0b", "a", "a\0a", "b", ""}
table.sort(t)
for i = 1, #t do W(string.format("%q", t[i]), " ") end NL()
