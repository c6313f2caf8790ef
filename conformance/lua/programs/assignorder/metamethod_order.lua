local log = {}
local obj = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get " .. k return k end,
  __newindex = function(_, k, v) log[#log + 1] = "set " .. k .. "=" .. v end,
})
obj.a, obj.b = obj.c, obj.d
print(table.concat(log, ", "))
log = {}
obj.x, obj.y, obj.z = obj.x .. "1", obj.y .. "2"
print(table.concat(log, ", "))
