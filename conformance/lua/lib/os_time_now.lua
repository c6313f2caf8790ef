local t = os.time()
print(type(t), t > 1600000000, t == math.floor(t))
