-- needs: math
local nan = 0/0
print(nan ~= nan, nan == nan, tostring(nan) == tostring(0/0))
local inf = 1/0
print(inf, -inf, inf .. "", (-inf) .. "", inf - inf ~= inf - inf)
print(math.huge, -math.huge, math.huge == inf)
print(inf > 1e308, -inf < -1e308)
print(tostring(1e309), tostring(-1e309))
print(math.floor(inf), math.ceil(-inf))
print(tostring(-(0/0)) == tostring(0/0) or "signs differ")
