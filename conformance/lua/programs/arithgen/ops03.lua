local v = {1e-07, 1e-07, -88, 481.12, -156.0, 1e-07, 5, 689.47, 704.5053, 459.01, -192.4, 919.63177}
for i = 1, #v do local a, b = v[i], v[#v - i + 1]
  print(a, b, a + b, a - b, a * b, a / b, a % b, -a)
end
for i = 1, #v do local a = v[i] print(a .. "", a == a + 0, a < 0, a >= 1) end
