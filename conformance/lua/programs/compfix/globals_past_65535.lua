-- needs: string table
-- a function with more than 65535 constants still reads and writes globals, and one with more
-- than 65535 nested functions still makes closures (PUC: up to 262143 of each)
local t = {}
for i = 1, 70000 do t[i] = i + 0.5 end
local body = table.concat(t, ",")
local f = assert(loadstring("local t = {" .. body .. "} x = 1 y = x + #t local function g() return z end z = 'zz' return x, y, g(), t[70000]"))
print(f())
print(x, y, z)
f = assert(loadstring("return function() local t = {" .. body .. "} gg = (gg or 0) + 1 return gg, t[1], nested end"))
print(f()(), f()())
local ok, e = loadstring("local t = {" .. body .. "} " .. string.rep("a = a ", 10) .. " return a")
print(ok ~= nil, e)
local up = 5
local src = "local up = ... local fs = {" .. string.rep("function() return up end, ", 65537) ..
  "function(a) up = up + a return up end} return #fs, fs[65538](2), fs[1](), fs[65537]()"
f = assert(loadstring(src))
print(f(up))
