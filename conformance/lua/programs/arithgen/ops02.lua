local v = {415.0, -38.51, 20, 0.1, -267.631, -89, -507.826419, -290.4136, 179.526743, -134.0, 221.7, 90.29}
for i = 1, #v do local a, b = v[i], v[#v - i + 1]
  print(a, b, a + b, a - b, a * b, a / b, a % b, -a)
end
for i = 1, #v do local a = v[i] print(a .. "", a == a + 0, a < 0, a >= 1) end
