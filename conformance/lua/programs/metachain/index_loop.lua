local a, b = {}, {}
setmetatable(a, {__index = b})
setmetatable(b, {__index = a})
print(pcall(function() return a.x end))
local self = {}
setmetatable(self, {__index = self})
print(pcall(function() return self.y end))
local c = setmetatable({}, {__newindex = {}})
local d = setmetatable({}, {__newindex = c})
d.k = 1
print(rawget(d, "k"), rawget(c, "k"), getmetatable(c).__newindex.k)
local e = {}
setmetatable(e, {__newindex = e})
print(pcall(function() e.z = 1 end))
print(rawget(e, "z"))
local f, g = {}, {}
setmetatable(f, {__newindex = g})
setmetatable(g, {__newindex = f})
print(pcall(function() f.w = 1 end))
