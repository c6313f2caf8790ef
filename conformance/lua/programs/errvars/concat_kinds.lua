local function try(f) local ok, e = pcall(f) print(e) end
local uptbl = {}
gbool = false
try(function() local t = {} return "a" .. t end)
try(function() return uptbl .. "x" end)
try(function() return gbool .. "x" end)
try(function() local t = {} return t.field .. "x" end)
try(function() return "x" .. nil end)
try(function() local a, b = "a", nil return a .. b end)
try(function() local a, b, c = "a", "b", {} return a .. b .. c end)
try(function() return 1 .. {} end)
try(function() local f = print return "x" .. f end)
try(function() return "x" .. undefinedglobal .. "y" end)
