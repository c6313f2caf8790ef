print(2 + 3 * 4, (2 + 3) * 4, 2 ^ 3 ^ 2, -2 ^ 2, not nil == true, 1 .. 2 .. 3)
print(1 < 2 == true, "a" .. "b" == "ab", 2 * 3 % 4, 10 - 2 - 3, 2 ^ -1)
print(not 1 == 2, #"abc" + 1, -3 ^ 2, 1 + -2, - - 2)
local x = 5
print(x > 3 and x < 10, x > 3 and "yes" or "no", nil or false, false or nil, nil and 1, 1 and nil)
print(1 and 2 or 3, nil and 2 or 3, false or 0, 0 or false)
print(1 == 1.0, "1" == 1, 1 ~= 2, "a" < "b", "a" < "B", "" < "a", "abc" < "abd", "Z" < "a")
print(3 .. "" == "3", 1e3 .. "", -0.5 .. "|", 10 / 2 .. "")
