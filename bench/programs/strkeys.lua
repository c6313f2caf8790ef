-- String-keyed inserts and lookups in a hash part.
local keys = {}
for i = 1, 2000 do keys[i] = "key" .. i end
local total = 0
for r = 1, 400 do
  local t = {}
  for i = 1, #keys do t[keys[i]] = i end
  for i = 1, #keys do total = total + t[keys[i]] end
end
print(total)
