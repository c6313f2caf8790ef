print(string.match("zz0x1aFgz", "%x+"))
print(string.gsub("deadBEEF cafe zz", "%x", "X"))
