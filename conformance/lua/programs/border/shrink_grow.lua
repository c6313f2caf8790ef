-- needs: table
local t = {}
for i = 1, 64 do t[i] = i end
local log = {}
for i = 64, 1, -8 do t[i] = nil log[#log + 1] = #t end
print(table.concat(log, " "))
for i = 1, 64 do t[i] = nil end
print(#t)
for i = 1, 5 do t[i * 2] = true end
print(#t)
t[1] = true
print(#t)
local g = {}
for i = 1, 100 do g[i] = i end
for i = 1, 100 do g[i] = nil end
g[50] = 1
print(#g)
