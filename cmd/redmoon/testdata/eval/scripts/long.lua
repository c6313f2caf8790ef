local t = {}
for i = 1, 12 do t[i] = i * 11 end
t[13] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
return t
