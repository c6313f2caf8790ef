print(7 % 3, -7 % 3, 7 % -3, -7 % -3, 7.5 % 2, 5 % 0)
print(math.mod(7, 3), math.mod(-7, 3))
