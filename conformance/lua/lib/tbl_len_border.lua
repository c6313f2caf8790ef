local t = {1, 2, 3, nil, 5}
print(#t == 5 or #t == 3)
local u = {}
for i = 1, 10 do u[i] = i end
u[10] = nil
print(#u)
