local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
local s = "Hello World"
print(s:find("World"))
print(s:match("(%a+) (%a+)"))
print(s:gsub("o", "0"))
for w in s:gmatch("%a+") do W(w:lower(), ";") end NL()
