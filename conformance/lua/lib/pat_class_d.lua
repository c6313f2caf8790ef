local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
print(string.match("order 66 and 99", "%d+"))
for n in string.gmatch("1, 22, 333, x4", "%d+") do W(n, ";") end NL()
print(string.find("none", "%d"))
