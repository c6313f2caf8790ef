local function f() return x end
x = "global x"
print(f())
setfenv(f, {x = "env x"})
print(f())
print(getfenv(f).x, getfenv(print) == _G, getfenv(0) == _G, getfenv() == _G)
local gf = getfenv
local function g() return gf(1) end
local e = {}
setfenv(g, e)
print(g() == e)
local function lvl() setfenv(2, {print = print, marker = "set"}) end
local function caller() lvl() return marker end
print(caller())
print(pcall(setfenv, print, {}))
print(pcall(getfenv, -1))
local co = coroutine.create(function() return getfenv(0) == _G end)
print(coroutine.resume(co))
local sandbox = setmetatable({}, {__index = _G})
local code = loadstring("newglobal = 1; return print ~= nil")
setfenv(code, sandbox)
print(code(), newglobal, sandbox.newglobal)
print(type(setfenv(function() end, {})))
