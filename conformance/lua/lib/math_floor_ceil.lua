print(math.floor(3.7), math.floor(-3.7), math.floor(3), math.floor(-0.5))
print(math.ceil(3.2), math.ceil(-3.2), math.ceil(3), math.ceil(-0.5))
print(math.floor(1/0), math.ceil(-1/0), math.floor(2^60 + 0.5))
print(pcall(math.floor))
