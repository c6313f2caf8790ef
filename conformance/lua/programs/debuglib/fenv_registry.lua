local function f() end
print(debug.getfenv(f) == _G)
local e = {}
print(debug.setfenv(f, e) == f, debug.getfenv(f) == e)
local u = newproxy()
print(type(debug.getfenv(u)))
print(debug.setfenv(u, e) == u, debug.getfenv(u) == e)
print(pcall(debug.setfenv, u, 1))
print(pcall(debug.setfenv, 1, {}))
print(debug.getfenv(1))
print(type(debug.getregistry()))
local r = debug.getregistry()
print(r == debug.getregistry(), type(r._LOADED), r._LOADED.string == string)
