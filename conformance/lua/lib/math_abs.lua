print(math.abs(-5), math.abs(5), math.abs(-0.5), math.abs(-1/0), math.abs("-3"))
print(pcall(math.abs))
print(pcall(math.abs, "x"))
