-- The ^ operator computes C's pow as glibc does: NaN signs, negative bases with fractional
-- exponents, overflow, x^2, and string coercion (operands are not constants, so no folding).
local a, b = -8, 1/3
print(a ^ b, (-2) ^ b, a ^ (b + b))
local nan = 0/0
local x = -nan
print(x ^ 1, nan ^ 1, x ^ 2, nan ^ 2, nan ^ 3, x ^ 3, nan ^ -1, nan ^ 0)
local vals = {0, -0, 1, -1, 2, -2, 0.5, -0.5, 3, 10, 1/0, -1/0, 1e308, 1e-308, 2^0.5, 7.25, -7.25}
for _, p in ipairs(vals) do
  local row = {}
  for _, q in ipairs(vals) do row[#row + 1] = string.format("%.17g", p ^ q) end
  print(table.concat(row, " "))
end
for i = 1, 40 do
  local y = i / 7
  print(i, 1.1 ^ y, (i * 0.37) ^ 2, (i + 0.1) ^ -2, 3 ^ i, (-3) ^ i, y ^ y)
end
local mt = {__pow = function(p, q) return "pow" end}
print(pcall(function() return setmetatable({}, mt) ^ 2 end))
print(("2") ^ 3, 2 ^ "0.5", "-8" ^ b)
print(pcall(function() return {} ^ 2 end))
