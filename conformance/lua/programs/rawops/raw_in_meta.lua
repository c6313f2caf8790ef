local defaults = {color = "red", size = 1}
local obj = setmetatable({}, {
  __index = function(t, k) local v = defaults[k] rawset(t, k, v) return v end,
  __newindex = function(t, k, v) if defaults[k] == nil then error("unknown field " .. k, 2) end rawset(t, k, v) end,
})
print(obj.color, rawget(obj, "color"), rawget(obj, "size"))
obj.size = 5
print(obj.size)
print(pcall(function() obj.weight = 1 end))
local count = 0
for k, v in pairs(obj) do count = count + 1 end
print(count)
