local log = {}
local proxy = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v); rawset(t, k, v) end})
proxy.a = 1; proxy.b = 2; proxy.a = 3
print(#log, log[1], log[2], proxy.a)
local store = {}
local redirect = setmetatable({}, {__newindex = store})
redirect.x = 10
print(rawget(redirect, "x"), store.x)
local ro = setmetatable({}, {__newindex = function(t, k) error("read-only: " .. k, 2) end})
print(pcall(function() ro.z = 1 end))
local existing = setmetatable({y = 1}, {__newindex = function() error("no") end})
existing.y = 2
print(existing.y)
local s2 = {}
local m2 = setmetatable({}, {__newindex = setmetatable(s2, {__newindex = function(t, k, v) rawset(t, k, v * 100) end})})
m2.q = 3
print(s2.q)
local l = {}
setmetatable(l, {__newindex = l})
print(pcall(function() l.x = 1 end))
