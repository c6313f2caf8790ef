local t = {}
local mt = {__index = function() return "idx" end}
print(debug.setmetatable(t, mt) == t)
print(t.x, debug.getmetatable(t) == mt, getmetatable(t) == mt)
mt.__metatable = "locked"
print(getmetatable(t), debug.getmetatable(t) == mt)
print(pcall(setmetatable, t, {}))
print(debug.setmetatable(t, nil) == t, getmetatable(t))
local nmt = {__index = function(n, k) return k * n end, __call = function(n, a) return n + a end}
debug.setmetatable(0, nmt)
print((5).x == nil, (5)[3], (2)(40))
debug.setmetatable(0, nil)
print(pcall(function() return (5)[3] end))
debug.setmetatable(nil, {__index = function() return "nil-index" end})
local nothing
print(nothing.field)
debug.setmetatable(nil, nil)
debug.setmetatable(true, {__len = function() return 1 end, __tostring = function(b) return "BOOL" end})
print(tostring(true), tostring(false))
debug.setmetatable(true, nil)
print(tostring(true))
local f = function() end
debug.setmetatable(f, {__index = {name = "fn"}})
print(f.name, print.name)
debug.setmetatable(f, nil)
print(pcall(debug.setmetatable, t, 1))
