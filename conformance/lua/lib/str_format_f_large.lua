print(string.format("%f", 1e20))
print(string.format("%.0f", 2^63))
print(string.format("%f", 1e300))
print(string.format("%.3f", 123456789.123456789))
