local t = setmetatable({1, 2, 3}, {__len = function() return 100 end})
print(#t)
local u = newproxy(true)
getmetatable(u).__len = function() return 42 end
print(#u)
print(pcall(function() return #newproxy(false) end))
print(pcall(function() return #newproxy(true) end))
local s = setmetatable({}, {__len = function() error("no len") end})
print(#s)
