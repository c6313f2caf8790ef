local function gen(n) local r = {} for i = 1, n do r[i] = i end return unpack(r) end
local t = {gen(100)}
print(#t, t[1], t[50], t[51], t[100])
local big = {1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,
31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60}
print(#big, big[49], big[50], big[51], big[60])
local mixed = {1, 2, x = 1, 3, y = 2, gen(3)}
print(#mixed, mixed[6], mixed.x)
local v = {gen(0)}
print(#v)
