print(string.find("xxabc", "abc$"))
print(string.find("abcx", "abc$"))
print(string.match("key = value", "(%w+)$"))
