local v = {-54, -288.6024, 118.62866, 539.49495, -642.701215, 547.43, 633.35934, 288.12615, 739.8225, -15, -2.5, -80}
for i = 1, #v do local a, b = v[i], v[#v - i + 1]
  print(a, b, a + b, a - b, a * b, a / b, a % b, -a)
end
for i = 1, #v do local a = v[i] print(a .. "", a == a + 0, a < 0, a >= 1) end
