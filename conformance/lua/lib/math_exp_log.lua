print(math.exp(0), math.exp(1), math.log(1), math.log(math.exp(2)))
print(math.log10(1000), math.log10(0.001), math.log(0), math.log(-1))
print(math.exp(1000), math.log10(0))
