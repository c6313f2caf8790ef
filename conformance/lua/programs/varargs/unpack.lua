print(unpack({1, 2, 3}))
print(unpack({1, 2, 3}, 2))
print(unpack({1, 2, 3}, 2, 3))
print(unpack({1, 2, 3}, 4))
print(unpack({1, nil, 3}))
print(unpack({}, 1, 3))
print(select('#', unpack({}, 1, 0)))
print(unpack({n = 1, 1, 2}, -1, 1))
print(pcall(unpack))
print(pcall(unpack, 1))
print(pcall(unpack, {}, 1, 1e8))
local t = {}
for i = 1, 100 do t[i] = i end
print(select('#', unpack(t)), (select(100, unpack(t))))
