print(1 < 2, 2 <= 2, 3 > 4, 0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75)
print(math.huge > 1e308, -math.huge < -1e308)
