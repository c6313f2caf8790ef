print(string.match("  42  ", "%s*(%d+)%s*"))
print(string.match("12.5", "[%d]*%.?%d+"))
print(string.match(".5", "[%d]*%.?%d+"))
print(string.match("x-12+3", "[+-]?%d+"))
