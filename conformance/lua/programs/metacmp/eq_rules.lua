local calls = 0
local eq = function(a, b) calls = calls + 1 return true end
local mt1 = {__eq = eq}
local mt2 = {__eq = eq}
local mt3 = {__eq = function() return true end}
local a, b = setmetatable({}, mt1), setmetatable({}, mt1)
print(a == b, calls)
local c = setmetatable({}, mt2)
print(a == c, calls)
local d = setmetatable({}, mt3)
print(a == d, calls)
print(a == a, calls)
print(a == {}, calls)
print(a ~= b, calls)
local e = setmetatable({}, {})
print(a == e, e == a, calls)
local u1, u2 = newproxy(true), newproxy(true)
getmetatable(u1).__eq = eq
getmetatable(u2).__eq = eq
print(u1 == u2, calls)
print(a == 1, 1 == a, a == "x", calls)
