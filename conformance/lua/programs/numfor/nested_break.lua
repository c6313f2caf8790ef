local out = {}
for i = 1, 4 do
  for j = i, 1, -1 do
    if (i + j) % 3 == 0 then break end
    out[#out + 1] = i .. j
  end
end
print(table.concat(out, " "))
local total = 0
for i = 10, 1, -3 do
  for j = 0.5, 2, 0.5 do total = total + i * j end
end
print(total)
local count = 0
for i = 1, 3 do
  local i = i * 2
  for i = i, i + 1 do count = count + i end
end
print(count)
