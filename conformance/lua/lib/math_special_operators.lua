-- arithmetic operators on special values (the VM's operators, for comparison with math.*)
local nan = 0/0
local inputs = {nan, -nan, 1/0, -1/0, 0, 1, -1, 2.5, -2.5}
local function show(x) return string.format("%.17g", x) end
for _, x in ipairs(inputs) do
  local out = {}
  for _, y in ipairs(inputs) do
    out[#out + 1] = show(x % y) .. "," .. show(x ^ y) .. "," .. show(x / y)
  end
  print(show(x), table.concat(out, " "))
end
