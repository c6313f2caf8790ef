-- Array fill and read through the array part.
local t = {}
local n = 1000000
for r = 1, 5 do
  for i = 1, n do t[i] = i * 2 end
  local s = 0
  for i = 1, n do s = s + t[i] end
  assert(s == n * (n + 1))
end
print(#t)
