-- String-keyed hash part: inserts into fresh tables, lookups of present and absent keys,
-- updates through t[k] = t[k] + 1.
local scale = tonumber(arg and arg[1]) or 1
local n = math.max(1, math.floor(20000 * scale))

local keys, absent = {}, {}
for i = 1, n do
  keys[i] = "key:" .. i
  absent[i] = "nokey:" .. i
end

local total, missing = 0, 0
for r = 1, 10 do
  local t = {}
  for i = 1, n do t[keys[i]] = i end
  for i = 1, n do total = total + t[keys[i]] end
  for i = 1, n do
    if t[absent[i]] == nil then missing = missing + 1 end
  end
  for i = 1, n, 3 do local k = keys[i] t[k] = t[k] + 1 end
  for i = 1, n, 7 do total = total + t[keys[i]] end
end
print("checksum", total, missing)
