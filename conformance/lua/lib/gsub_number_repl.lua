print(string.gsub("abc", "b", 5))
print(string.gsub("abc", "b", 1.5))
print(string.gsub(12321, 2, 9))
