local function inf(n) return 1 + inf(n + 1) end
local ok, e = xpcall(function() return inf(1) end, function(m) return "H:" .. m end)
print(ok, e)
local ok2, e2 = pcall(inf, 1)
print(ok2, e2)
local function handler_recurses(m) return handler_recurses(m) .. "" end
print(xpcall(function() error("x") end, handler_recurses))
