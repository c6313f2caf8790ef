local mt = {__eq = function(a, b) return a.v end}
local function mk(v) return setmetatable({v = v}, mt) end
print(mk(1) == mk(2), mk(false) == mk(2), mk(nil) == mk(2), mk("s") == mk(1))
print(mk(1) ~= mk(2), mk(false) ~= mk(2))
local t = {}
local k1, k2 = mk(true), mk(true)
t[k1] = "k1"
print(t[k2], rawequal(k1, k2), k1 == k2)
local n = 0
for _, v in ipairs({k1, k2}) do if v == k1 then n = n + 1 end end
print(n)
