print(string.find("", "a+"))
print(string.find("aaab", "a+"))
print(string.find("baaa", "a+"))
