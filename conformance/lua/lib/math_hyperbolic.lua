print(math.sinh(1), math.cosh(1), math.tanh(1))
print(math.sinh(0), math.cosh(0), math.tanh(100))
