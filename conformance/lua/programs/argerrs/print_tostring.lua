local mt = {__tostring = function() return 42 end}
print(pcall(tostring, setmetatable({}, mt)))
print(pcall(print, setmetatable({}, mt)))
mt.__tostring = function() return nil end
print(pcall(tostring, setmetatable({}, mt)))
print(pcall(print, setmetatable({}, mt)))
mt.__tostring = function() error("ts failed") end
print(pcall(tostring, setmetatable({}, mt)))
local saved = tostring
tostring = function() return nil end
local r = {pcall(print, 1)}
tostring = saved
print(r[1], r[2])
tostring = function(v) return "<" .. saved(v) .. ">" end
print(1, "a", nil)
tostring = saved
print(pcall(print, 1, nil, "ok"))
