local f = function() return undefined_thing.x end
setfenv(f, {})
print(pcall(f))
local g = function() return missing() end
setfenv(g, {})
print(pcall(g))
local h = function() return y + 1 end
setfenv(h, {y = "str"})
print(pcall(h))
local k = function() return print("no print") end
setfenv(k, {})
print(pcall(k))
print(pcall(setfenv, k))
print(pcall(setfenv))
print(select("#", pcall(getfenv, nil)), getfenv(nil) == _G)
