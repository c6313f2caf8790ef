local s = "abcdef"
for i = -8, 8, 2 do
  for j = -8, 8, 3 do io.write("[", s:sub(i, j), "]") end
  print()
end
