local n = 0
local function f() n = n + 1; return 1 + f() end
local ok, err = pcall(f)
print(ok, err, n)
n = 0
local function g() n = n + 1; local a, b, c = 1, 2, 3; g() end
print(pcall(g))
print(n)
local co = coroutine.create(function() local function h() n = n + 1; h() end h() end)
n = 0
print(coroutine.resume(co))
print(n)
n = 0
print(pcall(f))
print(n)
local mt = {}
mt.__index = function(t, k) return t[k] end
local t = setmetatable({}, mt)
print(pcall(function() return t.x end))
local c = setmetatable({}, {__call = function(self) return (self()) end})
print(pcall(c))
local function ctail() return ctail() end
local function deepx(k) if k == 0 then return "ok" end return (deepx(k - 1)) end
print(deepx(10000))
