local values = {0, 1, -1, 0.5, 1/3, 2^53, 2^63, -2^31, 1e100, 1e-100, 123456789012, 3.14159265358979}
for _, v in ipairs(values) do
  local s = tostring(v)
  print(s, tonumber(s), tonumber(s) == v)
end
