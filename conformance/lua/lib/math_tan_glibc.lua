-- tan over every branch of glibc's s_tan.c, printed with all 17 digits: glibc's
-- results are not correctly rounded, so the last digit shows whether the engine follows it.
local x = 12345
local function rnd()
  x = (x * 1103515245 + 12345) % 2147483648
  return x / 2147483648
end
local ranges = {1e-8, 0.0608, 0.787, 25, 1000, 1e8, 1e15, 1e300}
local out = {}
for _, r in ipairs(ranges) do
  for i = 1, 120 do
    local a = (rnd() * 2 - 1) * r
    out[#out + 1] = string.format("%.17g %.17g", a, math.tan(a))
  end
end
for _, a in ipairs({0, -0, 1/0, -1/0, math.pi, -math.pi / 2, 1.259e-8, 0.0608, 0.787, 25, 1e8, 2^1023}) do
  out[#out + 1] = string.format("%.17g %.17g", a, math.tan(a))
end
print(table.concat(out, "\n"))
