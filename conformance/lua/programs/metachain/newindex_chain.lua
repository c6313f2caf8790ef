-- needs: table
local log = {}
local store = {}
local proxy = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k rawset(store, k, v) end, __index = store})
proxy.a = 1
proxy.b = 2
proxy.a = 3
print(proxy.a, proxy.b, rawget(proxy, "a"), table.concat(log, ","))
local inner = {}
local outer = setmetatable({}, {__newindex = setmetatable(inner, {__newindex = function(t, k, v) rawset(t, k, v * 10) end})})
outer.x = 5
print(rawget(outer, "x"), inner.x)
local existing = setmetatable({present = 1}, {__newindex = function() error("should not be called") end})
existing.present = 2
print(existing.present)
print(pcall(function() existing.absent = 1 end))
local ro = setmetatable({}, {__newindex = function(t, k) error("read-only: " .. k, 2) end})
print(pcall(function() ro.key = 1 end))
