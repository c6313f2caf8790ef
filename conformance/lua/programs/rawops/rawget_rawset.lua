-- needs: table
local log = {}
local t = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "index " .. tostring(k) return "meta" end,
  __newindex = function(_, k) log[#log + 1] = "newindex " .. tostring(k) end,
})
print(t.x, rawget(t, "x"))
t.y = 1
print(rawget(t, "y"))
print(rawset(t, "y", 2) == t, t.y, rawget(t, "y"))
print(pcall(rawset, t, nil, 1))
print(pcall(rawset, t, 0/0, 1))
print(rawget(t, nil), rawget(t, 0/0))
rawset(t, 1, "one")
print(t[1], #t)
print(table.concat(log, "; "))
print(pcall(rawget, "str", 1))
local locked = setmetatable({}, {__metatable = "locked"})
print(pcall(rawset, locked, "k", "v") and rawget(locked, "k"))
