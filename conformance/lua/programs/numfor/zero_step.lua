local n = 0
for i = 1, 3, 0 do n = n + 1 if n >= 5 then break end end
print(n)
n = 0
for i = 3, 1, 0 do n = n + 1 if n >= 5 then break end end
print(n)
n = 0
for i = 1, 1, 0 do n = n + 1 if n >= 5 then break end end
print(n)
local nan = 0 / 0
n = 0
for i = 1, nan do n = n + 1 end
print(n)
for i = nan, 1 do n = n + 1 end
print(n)
for i = 1, 2, nan do n = n + 1 end
print(n)
