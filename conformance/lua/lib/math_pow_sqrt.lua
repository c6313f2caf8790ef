print(math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1/3), math.pow(0, 0))
print(math.sqrt(16), math.sqrt(2), math.sqrt(-1), math.sqrt(1/0))
print(2^10, 2^-1, (-2)^2, 2^0.5)
