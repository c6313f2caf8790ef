local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
print(string.gsub("a!b@c#d$e%f^g&h*i(j)k", "%p", ""))
print(string.match("...", "%p+"))
for c in string.gmatch("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", "%p") do W(c) end NL()
