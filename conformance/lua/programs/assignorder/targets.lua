local log = {}
local mt = {__newindex = function(t, k, v) log[#log + 1] = tostring(k) .. "=" .. tostring(v) rawset(t, k, v) end}
local t = setmetatable({}, mt)
t.a, t.b, t.c = 1, 2, 3
print(table.concat(log, " "))
log = {}
t.x, t.y = "first", "second"
print(table.concat(log, " "))
log = {}
local function idx(n) log[#log + 1] = "idx" .. n return n end
local function val(n) log[#log + 1] = "val" .. n return n end
local u = setmetatable({}, mt)
u[idx(1)], u[idx(2)] = val(10), val(20)
print(table.concat(log, " "))
