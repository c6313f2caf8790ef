local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
local html = "<b>bold</b> and <i>italic</i>"
print(string.match(html, "<(.*)>"))
print(string.match(html, "<(.-)>"))
for tag in string.gmatch(html, "<(%a+)>") do W(tag, " ") end NL()
