local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
local mt = {__lt = function(a, b) return a.v < b.v end}
local t = {}
for i, v in ipairs({5, 3, 9, 1}) do t[i] = setmetatable({v = v}, mt) end
table.sort(t)
for i = 1, #t do W(t[i].v, " ") end NL()
