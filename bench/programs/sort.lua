-- table.sort with and without a Lua comparator.
local seed = 42
local function rnd() seed = (seed * 16807) % 2147483647 return seed end
for r = 1, 3 do
  local t = {}
  for i = 1, 100000 do t[i] = rnd() end
  table.sort(t)
  local u = {}
  for i = 1, 100000 do u[i] = rnd() end
  table.sort(u, function(a, b) return a > b end)
end
print("ok")
