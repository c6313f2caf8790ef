local a, b = 1, 2
local function swap() a, b = b, a end
swap()
print(a, b)
local fs = {}
for i = 1, 3 do
  local v = i
  fs[i] = function(n) v, n = n, v return v, n end
end
print(fs[1](10), fs[2](20), fs[3](30))
print(fs[1](0))
