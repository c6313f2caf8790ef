local t = {1, 2, nil, 4}
print(#t)
t = {1, nil, 3}
print(#t)
t = {nil, nil, 3}
print(#t)
t = {1, 2, 3, nil}
print(#t)
t = {nil}
print(#t)
t = {n = 1, 1, 2}
print(#t)
t = {}
t[1] = 1 t[2] = 2 t[4] = 4
print(#t)
t = {}
t[2] = 2
print(#t)
t = {}
for i = 1, 10 do t[i] = i end
t[5] = nil
print(#t)
t[10] = nil
print(#t)
t[9] = nil t[8] = nil
print(#t)
