-- needs: string
local base = {greet = function(self) return "hi " .. self.name end, kind = "base"}
base.__index = base
local obj = setmetatable({name = "bob"}, base)
print(obj:greet(), obj.kind, obj.missing)
local chain3 = setmetatable({}, {__index = setmetatable({}, {__index = setmetatable({}, {__index = {deep = "yes"}})})})
print(chain3.deep, chain3.nope)
local fidx = setmetatable({}, {__index = function(t, k) return k .. "?" end})
print(fidx.abc, fidx[1], rawget(fidx, "abc"))
local counted = 0
local lazy = setmetatable({}, {__index = function(t, k) counted = counted + 1; local v = k * 2; rawset(t, k, v); return v end})
print(lazy[5], lazy[5], counted)
local strmt = setmetatable({}, {__index = "str"})
print(pcall(function() return strmt.x end))
local loop = {}
setmetatable(loop, {__index = loop})
print(loop.x)
local a = setmetatable({}, {})
local b = setmetatable({}, {__index = a})
getmetatable(a).__index = b
print(pcall(function() return a.x end))
