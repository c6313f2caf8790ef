local function try(f) local ok, e = pcall(f) print(e) end
local up
try(function() noglobal.x = 1 end)
try(function() local l; l.x = 1 end)
try(function() up.x = 1 end)
try(function() local t = {} t.a.b = 1 end)
try(function() local t = {} t[nil] = 1 end)
try(function() local t = {} t[0/0] = 1 end)
try(function() rawset({}, nil, 1) end)
try(function() local t = {} t.x.y.z = 1 end)
try(function() local s = "str" s.x = 1 end)
try(function() local t = {[1] = 1} t[1][2] = 3 end)
try(function() return {[nil] = 1} end)
try(function() local k return {[k] = 1} end)
