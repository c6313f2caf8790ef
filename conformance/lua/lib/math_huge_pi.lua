print(math.huge, -math.huge, math.pi, math.huge == 1/0)
