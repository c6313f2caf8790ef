print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(7.5, 2))
print(math.fmod(1, 0), math.fmod(0, 1), math.fmod(1/0, 1), math.fmod(1, 1/0))
print(pcall(math.fmod, 1))
