print(string.find("a\0b", "%z"))
print(string.gsub("a\0b\0c", "%z", "0"))
print(string.find("abc", "%z"))
