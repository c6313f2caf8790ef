print(string.find("abcdef", "^abc"))
print(string.find("xabc", "^abc"))
print(string.match("hello", "^(h)"))
print(string.gsub("aaa", "^a", "b"))
