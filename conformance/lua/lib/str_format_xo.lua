print(string.format("%x %X %o %u", 255, 255, 8, 3000000000))
print(string.format("%#x %#X %#o %#x %#o", 255, 255, 8, 0, 0))
print(string.format("%x %x %x", -1, 2^64, 2^63))
print(string.format("%08x|%-8X|%.4x", 48879, 48879, 10))
