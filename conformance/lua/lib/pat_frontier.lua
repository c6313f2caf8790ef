local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
print(string.gsub("THE (quick) fox", "%f[%a]%a+", "W"))
print(string.find("hello world", "%f[%W]"))
print(string.find("", "%f[%a]"))
print(string.find("a", "%f[%a]"))
for w in string.gmatch("the cat in the hat", "%f[%a]%a+%f[%A]") do W(w, ",") end NL()
