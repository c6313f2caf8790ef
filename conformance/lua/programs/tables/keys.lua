local t = {}
t[1] = "int"; t[1.0] = "float one"; t["1"] = "string one"
print(t[1], t["1"])
t[2^53] = "big"; t[-1] = "neg"; t[0] = "zero"; t[-0] = "negzero"; t[0.5] = "half"
print(t[2^53], t[-1], t[0], t[0.5])
t[true] = "T"; t[false] = "F"
print(t[true], t[false])
local f = function() end
t[f] = "func"
print(t[f])
local k = {}
t[k] = "table"
print(t[k], t[{}])
local s = "key"
t[s .. "x"] = 1
print(t.keyx, t["key" .. "x"])
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n)
