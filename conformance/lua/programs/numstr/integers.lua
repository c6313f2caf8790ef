for e = 40, 64 do
  local v = 2^e
  print(e, v, v - 1, v + 1, -v)
end
