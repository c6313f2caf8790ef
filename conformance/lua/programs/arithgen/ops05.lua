local v = {560.7433, -2.5, 123456789, 1e-07, 83, -87, -613.0, 10000000000.0, -524.31, 3, 0.1, 2147483648}
for i = 1, #v do local a, b = v[i], v[#v - i + 1]
  print(a, b, a + b, a - b, a * b, a / b, a % b, -a)
end
for i = 1, #v do local a = v[i] print(a .. "", a == a + 0, a < 0, a >= 1) end
