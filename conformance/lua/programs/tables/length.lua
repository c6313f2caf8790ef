local t = {1, 2, 3, nil, 5}
print(#t)
t = {1, 2, nil, 4}
print(#t)
t = {}
t[1] = 1; t[2] = 2; t[4] = 4
print(#t)
t = {nil, nil, nil}
print(#t)
t = {}
for i = 1, 20 do t[i] = i end
t[20] = nil
print(#t)
t[10] = nil
print(#t)
t = {}
t[2] = 2
print(#t)
t[1] = 1
print(#t)
t = {1, 2, 3}
t[5] = 5
print(#t)
t[4] = 4
print(#t)
local h = {}
for i = 1, 100 do h[i * 2] = i end
print(#h)
local g = {n = 1}
g[1] = 1 g[2] = 2 g[3] = 3
print(#g)
g[2] = nil
print(#g)
local a = {}
for i = 1, 64 do a[i] = true end
for i = 64, 33, -1 do a[i] = nil end
print(#a)
