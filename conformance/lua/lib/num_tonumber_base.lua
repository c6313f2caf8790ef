print(tonumber("ff", 16), tonumber("FF", 16), tonumber("777", 8), tonumber("1010", 2), tonumber("zz", 36))
print(tonumber("8", 8), tonumber("", 10), tonumber(" 10 ", 16), tonumber("-ff", 16), tonumber("10", 10))
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, "10", 37))
