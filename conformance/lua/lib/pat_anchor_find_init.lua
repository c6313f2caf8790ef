print(string.find("abcabc", "^abc", 4))
print(string.find("abcabc", "^abc", 2))
print(string.match("abcabc", "^b", 2))
