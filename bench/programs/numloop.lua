-- Numeric for loops with float arithmetic.
local s = 0
for i = 1, 10000000 do
  s = s + i % 7 * 0.5 - i / 3
end
print(s)
