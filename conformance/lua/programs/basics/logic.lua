local function t(...) return ... end
print(t(nil) or "d", t(false) or "d", t(0) or "d", t("") or "d")
print(nil == false, not not nil, not not 0, not "")
local a = {}
print(a == a, a ~= {}, {} == {})
local i = 0
local function inc() i = i + 1; return i end
print(inc() or inc(), i)
print(false and inc(), i)
print(nil or inc() and inc(), i)
if nil then print("no") elseif false then print("no") elseif 0 then print("zero is true") end
local x = 3
local y = x > 2 and x < 5 and "in" or "out"
print(y)
while true do if x > 0 then x = x - 1 else break end end
print(x)
repeat x = x + 1 until x >= 3
print(x)
print((nil), (false), (1 > 2))
local z = not (x == 3)
print(z, not z)
