print(1 / 0, -1 / 0, 0 / 0 ~= 0 / 0)
print(math.floor(-0.0), 1 / math.floor(-0.0))
print(-0.0 == 0.0)
