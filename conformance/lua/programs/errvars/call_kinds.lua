-- needs: math
local function try(f) local ok, e = pcall(f) print(e) end
local up
try(function() nofunc() end)
try(function() local f; f() end)
try(function() up() end)
try(function() local t = {} t.field() end)
try(function() local t = {} t:method() end)
try(function() local t = {} t[1]() end)
try(function() local t = {} t.a.b() end)
try(function() ("str")() end)
try(function() local n = 1 n() end)
try(function() (1)() end)
try(function() local t = {x = true} t.x() end)
try(function() local t = {} local k = "dyn" t[k]() end)
try(function() return math.nothing(1) end)
try(function() local s = "x" s:nomethod() end)
try(function() local t = setmetatable({}, {__call = 1}) t() end)
