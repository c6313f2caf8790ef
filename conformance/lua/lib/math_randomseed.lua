math.randomseed(42)
local a = {math.random(), math.random(100), math.random(5, 10)}
math.randomseed(42)
local b = {math.random(), math.random(100), math.random(5, 10)}
print(a[1] == b[1], a[2] == b[2], a[3] == b[3])
print(pcall(math.randomseed))
print(math.random(1, 1), math.random(1))
