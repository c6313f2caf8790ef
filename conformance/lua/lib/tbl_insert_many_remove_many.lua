local t = {}
for i = 1, 1000 do table.insert(t, i) end
for i = 1, 500 do table.remove(t) end
print(#t, t[#t])
for i = 1, 100 do table.remove(t, 1) end
print(#t, t[1])
