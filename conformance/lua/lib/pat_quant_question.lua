local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
print(string.find("", "a?"))
print(string.find("ab", "a?b"))
print(string.find("b", "a?b"))
print(string.match("color colour", "colou?r"))
for w in string.gmatch("color colour", "colou?r") do W(w, " ") end NL()
