print(math.deg(math.pi), math.rad(180), math.deg(1), math.rad(1))
