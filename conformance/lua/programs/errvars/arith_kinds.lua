local function try(f) local ok, e = pcall(f) print(e) end
local upstr = "abc"
gstr = "xyz"
try(function() local s = "a" return s + 1 end)
try(function() return upstr * 2 end)
try(function() return gstr - 1 end)
try(function() local t = {} return t.f / 2 end)
try(function() local t = {f = {}} return t.f % 2 end)
try(function() return {} ^ 2 end)
try(function() local b = true return -b end)
try(function() return 1 + nil end)
try(function() local x return 2 * x end)
try(function() local t = {} return t[1] + t[2] end)
try(function() return ("10" + 1) .. (nil + 1) end)
try(function() local s = "1e" return s + 0 end)
try(function() return #nil end)
try(function() local n = 5 return #n end)
try(function() return #upstr + #gstr + #undefinedg end)
