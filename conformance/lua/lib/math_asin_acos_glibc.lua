-- asin and acos over every branch of glibc's e_asin.c, printed with all 17 digits: glibc's
-- results are not correctly rounded, so the last digit shows whether the engine follows it.
local x = 12345
local function rnd()
  x = (x * 1103515245 + 12345) % 2147483648
  return x / 2147483648
end
local ranges = {1e-9, 0.125, 0.25, 0.5, 0.75, 0.921875, 0.953125, 0.96875, 1}
local out = {}
for _, r in ipairs(ranges) do
  for i = 1, 120 do
    local a = (rnd() * 2 - 1) * r
    out[#out + 1] = string.format("%.17g %.17g %.17g", a, math.asin(a), math.acos(a))
  end
end
for _, a in ipairs({0, -0, 1/0, -1/0, math.pi, -math.pi / 2, 2^-57, 2^-26, 0.125, 0.96875, 1, -1, 1 - 2^-53, 2}) do
  out[#out + 1] = string.format("%.17g %.17g %.17g", a, math.asin(a), math.acos(a))
end
print(table.concat(out, "\n"))
