-- every math function on special and ordinary inputs (NaN signs matter: "-nan" and "nan")
local nan = 0/0
local inputs = {nan, -nan, 1/0, -1/0, 0, -0.0 * 1, 1, -1, 0.5, -0.5, 2, 10, 1e300, -1e300, 1e-310, 3.5, -3.5, 710, -745}
local function show(x) return string.format("%.14g", x) end
local one = {"abs", "acos", "asin", "atan", "ceil", "cos", "cosh", "deg", "exp", "floor", "log", "log10", "rad", "sin", "sinh", "sqrt", "tan", "tanh"}
for _, name in ipairs(one) do
  local f = math[name]
  local out = {}
  for i, x in ipairs(inputs) do out[i] = show(f(x)) end
  print(name, table.concat(out, " "))
end
local two = {"atan2", "fmod", "pow", "ldexp"}
local inputs2 = {nan, -nan, 1/0, -1/0, 0, -0.0 * 1, 1, -1, 0.5, -0.5, 2, 3, -3, 1e300, -1e300, 1e-310}
for _, name in ipairs(two) do
  local f = math[name]
  for _, x in ipairs(inputs2) do
    local out = {}
    for i, y in ipairs(inputs2) do
      local ok, r = pcall(f, x, y)
      out[i] = ok and show(r) or "err"
    end
    print(name, show(x), table.concat(out, " "))
  end
end
for _, x in ipairs(inputs) do
  local a, b = math.modf(x)
  local m, e = math.frexp(x)
  print("modf/frexp", show(x), show(a), show(b), show(m), e)
end
