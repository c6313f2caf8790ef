print(string.gsub("aaa", "^a", "b"))
print(string.gsub("hello hello", "^hello", "bye"))
print(string.gsub("xhello", "^hello", "bye"))
print(string.gsub("abc", "^", ">"))
