local v = {916.601007, 625.9797, -64, 217.22, -347.9157, 752.9994, 953.361, 1e-07, -480.35, -960.66, -64, -25}
for i = 1, #v do local a, b = v[i], v[#v - i + 1]
  print(a, b, a + b, a - b, a * b, a / b, a % b, -a)
end
for i = 1, #v do local a = v[i] print(a .. "", a == a + 0, a < 0, a >= 1) end
