local nan = 0/0
print(string.format("%f %f", nan, -nan))
print(string.format("%+g % g %E", -nan, -nan, nan))
