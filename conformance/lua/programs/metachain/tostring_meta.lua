-- needs: string
local mt = {__tostring = function(t) return "Obj(" .. t.id .. ")" end}
local o = setmetatable({id = 7}, mt)
print(o, tostring(o))
local mt2 = {__tostring = function() return {} end}
local okt, rt = pcall(tostring, setmetatable({}, mt2))
print(okt, type(rt))
local mt3 = {__tostring = function() return 12 end}
print(tostring(setmetatable({}, mt3)), type(tostring(setmetatable({}, mt3))))
local u = newproxy(true)
getmetatable(u).__tostring = function() return "proxy!" end
print(u, tostring(u))
local named = setmetatable({}, {__name = "Named"})
print((tostring(named):gsub("0x%x+", "ADDR")))
print(pcall(print, setmetatable({}, {__tostring = function() error("tostring fail") end})))
