-- needs: table
local log = {}
local mt = {__lt = function(a, b) log[#log + 1] = a.n .. "<" .. b.n return a.n < b.n end}
local function mk(n) return setmetatable({n = n}, mt) end
local x, y = mk(1), mk(2)
print(x < y, y < x, x > y, y > x)
print(table.concat(log, " "))
log = {}
print(pcall(function() return x <= y end))
local other = setmetatable({n = 5}, {__lt = mt.__lt})
print(pcall(function() return x < other end))
local same = setmetatable({n = 5}, {__lt = function() return true end})
print(pcall(function() return x < same end))
print(pcall(function() return x < 1 end))
print(pcall(function() return 1 < x end))
local r = setmetatable({n = 3}, {__lt = function() return "truthy" end})
local r2 = setmetatable({n = 4}, getmetatable(r))
print(r < r2, not (r < r2))
print(table.concat(log, " "))
