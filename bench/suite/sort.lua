-- table.sort with a Lua comparator: numbers descending, then records by two fields.
local scale = tonumber(arg and arg[1]) or 1
local n = math.floor(50000 * scale)

local seed = 12345
local function rnd(m)
  seed = (seed * 16807) % 2147483647
  return seed % m
end

local check = 0
for r = 1, 2 do
  local t = {}
  for i = 1, n do t[i] = rnd(1000000) end
  table.sort(t, function(a, b) return a > b end)
  for i = 1, n, 97 do check = (check + t[i] * i) % 1000000007 end

  local recs = {}
  for i = 1, n do recs[i] = {group = rnd(100), id = i} end
  table.sort(recs, function(a, b)
    if a.group ~= b.group then return a.group < b.group end
    return a.id < b.id
  end)
  for i = 1, n, 101 do check = (check + recs[i].id * recs[i].group) % 1000000007 end
end
print("checksum", check)
