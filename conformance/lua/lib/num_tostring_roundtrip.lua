local line = {}
local function W(...) for i = 1, select("#", ...) do line[#line + 1] = tostring((select(i, ...))) end end
local function NL() print(table.concat(line)) line = {} end
local vals = {0, 1, -1, 0.1, 1/3, 2^53, 1e100, -1e-100, 123.456}
for _, v in ipairs(vals) do W(tostring(tonumber(tostring(v)) == v), " ") end NL()
