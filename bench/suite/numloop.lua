-- Numeric loops: for loops up and down, a while loop, float and integer arithmetic, % and /.
local scale = tonumber(arg and arg[1]) or 1
local n = math.floor(4000000 * scale)

local s, t = 0, 0.0
for i = 1, n do
  s = s + i % 7 * 2 - i % 3
  t = t + i / 4 - i * 0.25 + 0.5
end
for i = n, 1, -2 do
  s = s - 1
end
local k, w = 0, 1
while k < n do
  k = k + 3
  w = (w * 3 + k) % 65521
end
print("checksum", s, math.floor(t), k, w)
