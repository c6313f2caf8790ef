local v = {-2.5, 99, 2147483648, -61, 87, 69, 3, 10000000000.0, -66, -54, 10000000000.0, 0.1}
for i = 1, #v do local a, b = v[i], v[#v - i + 1]
  print(a, b, a + b, a - b, a * b, a / b, a % b, -a)
end
for i = 1, #v do local a = v[i] print(a .. "", a == a + 0, a < 0, a >= 1) end
