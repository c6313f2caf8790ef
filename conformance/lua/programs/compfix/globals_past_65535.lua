-- needs: string table
-- a function with more than 65535 constants still reads and writes globals (PUC: up to 262143)
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
