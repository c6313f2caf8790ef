local function try(f) local ok, e = pcall(f) print(e) end
local u_nil, u_tbl, u_str, u_num = nil, {}, "s", 1
try(function() return u_nil.x end)
try(function() return u_nil() end)
try(function() return u_tbl .. "" end)
try(function() return u_str + 1 end)
try(function() return u_num.x end)
try(function() return u_tbl.a.b end)
try(function() return u_str:nomethod() end)
try(function() u_nil.x = 1 end)
try(function() return -u_tbl end)
try(function() return u_tbl < u_tbl end)
