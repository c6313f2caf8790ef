print(string.format("%d %d %d", 42, -42, 0))
print(string.format("%5d|%-5d|%05d|%+d|% d", 42, 42, 42, 42, 42))
print(string.format("%.3d|%8.3d|%-8.3d|%.0d|", 7, -7, 7, 0))
print(string.format("%i", 99))
