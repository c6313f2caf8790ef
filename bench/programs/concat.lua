-- String building with the .. operator.
local n = 0
for r = 1, 50 do
  local s = ""
  for i = 1, 2000 do s = s .. "x" end
  n = n + #s
end
local parts = 0
for i = 1, 300000 do
  local t = "a" .. i .. "b" .. i
  parts = parts + #t
end
print(n, parts)
