local function f() return 1, 2, 3 end
print(#{f()}, #{f(), nil}, #{nil, f()}, #{f(), f()})
print(#{1, 2, 3, nil, 5}, #{1, nil, nil, nil, 5})
print(#{1, 2, 3, 4, 5, 6, 7, 8, 9, nil}, #{nil, nil, nil, nil, nil, nil, nil, nil, 9})
local t = {unpack({1, 2, nil, 4, nil, 6})}
print(#t)
local big = {}
for i = 1, 1000 do big[i] = i end
big[500] = nil
print(#big)
big[1000] = nil
print(#big)
