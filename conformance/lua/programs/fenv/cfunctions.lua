print(getfenv(print) == _G, getfenv(string.format) == _G)
print(pcall(setfenv, print, {}))
print(pcall(setfenv, string.len, _G))
print(getfenv(0) == _G)
local newg = setmetatable({}, {__index = _G})
print(setfenv(0, newg) == nil)
print(getfenv(0) == newg, getfenv(0) == _G)
local f = loadstring("return marker")
marker = "old"
newg.marker = "new"
print(f())
setfenv(0, _G)
print(loadstring("return marker")())
