-- needs: string
local n, last = 0
for i = 0.1, 1.0, 0.1 do n = n + 1 last = i end
print(n, string.format("%.17g", last))
n = 0
for i = 1, 0, -0.1 do n = n + 1 last = i end
print(n, string.format("%.17g", last))
n = 0
for i = 1e15, 1e15 + 3 do n = n + 1 end
print(n)
n = 0
for i = 2^53, 2^53 + 2 do n = n + 1 if n > 10 then break end end
print(n)
n = 0
for i = 0, 1, 1/3 do n = n + 1 last = i end
print(n, last)
