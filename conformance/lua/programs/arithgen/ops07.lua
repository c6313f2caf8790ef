local v = {65.13, 100, 123456789, 21, 2147483648, 463.0, -8, 10000000000.0, 1000000000000000.0, 378.03468, -216.268619, 19}
for i = 1, #v do local a, b = v[i], v[#v - i + 1]
  print(a, b, a + b, a - b, a * b, a / b, a % b, -a)
end
for i = 1, #v do local a = v[i] print(a .. "", a == a + 0, a < 0, a >= 1) end
