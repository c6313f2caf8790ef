-- math functions on ordinary arguments, printed with all 17 digits (glibc's last bits)
local fs = {"sin", "cos", "tan", "asin", "acos", "atan", "exp", "log", "log10", "sinh", "cosh", "tanh", "sqrt"}
local seed = 12345
local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648 return seed / 2147483648 end
for _, name in ipairs(fs) do
  local f = math[name]
  local out = {}
  for i = 1, 40 do
    local x
    local k = i % 4
    if k == 0 then x = rnd() * 2 - 1 elseif k == 1 then x = (rnd() - 0.5) * 20 elseif k == 2 then x = rnd() * 700 else x = math.exp((rnd() - 0.5) * 100) end
    out[i] = string.format("%.17g", f(x))
  end
  print(name, table.concat(out, " "))
end
for _, xy in ipairs({{2, 0.5}, {10, 0.3}, {1.5, 40}, {0.7, -3.3}, {3, 1 / 3}}) do
  print(string.format("%.17g %.17g", math.pow(xy[1], xy[2]), math.atan2(xy[1], xy[2])))
end
