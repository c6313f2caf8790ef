-- needs: string
local mt = getmetatable("")
print(type(mt), type(mt.__index), mt.__index == string)
print(getmetatable("abc") == getmetatable(""))
print(rawequal(getmetatable("x"), mt))
local keys = {}
for k in pairs(mt) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","))
print(pcall(setmetatable, "x", {}))
print(("x").len == string.len, ("x").nosuch)
local ok, e = pcall(function() return ("x"):nosuch() end)
print(ok, e)
