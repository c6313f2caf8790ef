local t = {}
t[1] = 1
t[3] = 3
t[2] = 2
print(#t)
local u = {}
for i = 1, 20 do u[i] = i end
for i = 1, 20, 2 do u[i] = nil end
print(#u)
local v = {1, 2, 3, 4, 5, 6, 7, 8}
v[4] = nil
print(#v)
v[8] = nil
print(#v)
local w = {}
w[1], w[2], w[3] = 1, 2, 3
w[100] = 100
print(#w)
w[4] = 4
print(#w)
local x = {[1] = 1, [2] = 2, [3] = 3}
print(#x)
x[5] = 5
print(#x)
x[4] = 4
print(#x)
