local mt = {__lt = function() return true end, __le = function() return true end, __eq = function() return true end}
local t = setmetatable({}, mt)
local u = newproxy(true)
local umt = getmetatable(u)
umt.__lt = mt.__lt
umt.__eq = mt.__eq
print(pcall(function() return t < u end))
print(pcall(function() return t == u end))
print(pcall(function() return u < u end))
print(pcall(function() return u == newproxy(u) end))
print(pcall(function() return t <= "x" end))
print(pcall(function() return "a" < "b", 1 < 2, "a" <= "a" end))
print(pcall(function() return print < print end))
