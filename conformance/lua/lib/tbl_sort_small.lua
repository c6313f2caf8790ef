for _, t in ipairs({{}, {1}, {2, 1}, {1, 2}, {3, 1, 2}, {2, 2, 2}}) do
  table.sort(t)
  print(#t, table.concat(t, ","))
end
