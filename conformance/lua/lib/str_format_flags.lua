print(string.format("%-----5d|", 1))
print(pcall(string.format, "%------5d", 1))
print(string.format("%+ d|% +d|%-+5d|%0-5d|", 1, 1, 1, 1))
print(string.format("%#5x|%#-8o|%#08x", 255, 8, 255))
