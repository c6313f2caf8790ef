local mt = {}
mt.__eq = function(a, b) return a.v == b.v end
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local function o(v) return setmetatable({v = v}, mt) end
local a, b, c = o(1), o(2), o(1)
print(a == c, a ~= c, a == b, a < b, b < a, a <= c, b <= a, a > b, b >= a)
local other = setmetatable({v = 1}, {__eq = function() return true end})
print(a == other, other == a)
local same = {__eq = function() return true end}
local x, y = setmetatable({}, same), setmetatable({}, same)
print(x == y, x ~= y, rawequal(x, y))
print(pcall(function() return a < 1 end))
print(pcall(function() return {} < {} end))
print(pcall(function() return 1 < "2" end))
print(pcall(function() return "a" < 1 end))
print(pcall(function() return nil < 1 end))
print(pcall(function() return true < false end))
print(pcall(function() return print < print end))
local onlylt = {__lt = function(a, b) return a.v < b.v end}
local p, q = setmetatable({v = 1}, onlylt), setmetatable({v = 2}, onlylt)
print(p <= q, q <= p)
local difflt = setmetatable({v = 1}, {__lt = function() return true end})
print(pcall(function() return p < difflt end))
print(a == 1, 1 == a, "1" == 1)
local cnt = 0
local eqc = {__eq = function() cnt = cnt + 1 return false end}
local e1, e2 = setmetatable({}, eqc), setmetatable({}, eqc)
print(e1 == e2, e1 == e1, cnt)
