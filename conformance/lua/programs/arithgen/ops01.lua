local v = {-489.11, 98, -256.413289, 0.1, -45, 95, -67, -569.0, -20, 76, -8, 0.1}
for i = 1, #v do local a, b = v[i], v[#v - i + 1]
  print(a, b, a + b, a - b, a * b, a / b, a % b, -a)
end
for i = 1, #v do local a = v[i] print(a .. "", a == a + 0, a < 0, a >= 1) end
