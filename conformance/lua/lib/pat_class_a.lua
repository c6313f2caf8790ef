-- %a: letters only (C locale)
for _, s in ipairs({"hello", "abc123", "123", "a1b2c3", "\233t\233", "MiXeD"}) do
  print(s, string.find(s, "%a+"), string.match(s, "%a+"))
end
