local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. " " end return s end
for n = 1, 40 do
  local t = {}
  for i = 1, n do t["key" .. i] = i end
  print(n, dump(t))
end
for n = 1, 17 do
  local t = {}
  for i = 1, n do t[i] = i; t["s" .. i] = i end
  for i = 1, n, 2 do t[i] = nil end
  t[n + 100] = 1
  print(n, dump(t))
end
