-- "x and true or y" after a value-producing and/or chain (a Lua 5.1.4 code generator bug fixed in 5.1.5)
local v1 = {}
print(v1.k1 and v1[255] or (({[0] = v1} and ("a" .. 1e300) or -(0/0)) and true or (#"" * (0.5 % 2))))
local a = nil
print(a and 1 or ((v1 and "s" or 2) and true or 3))
print(((v1 and "s" or 2) and true or 3))
print((("s") and true or 3))
local s = "s"
print(((s or 2) and true or 3))
print((s and true or 3), (s and false or 3), (s and nil or 3))
