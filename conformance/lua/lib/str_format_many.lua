print(string.format("%s=%d (%5.2f%%) [%x] %q", "ratio", 42, 99.5, 255, "ok"))
print(string.format(string.rep("%d", 20), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20))
