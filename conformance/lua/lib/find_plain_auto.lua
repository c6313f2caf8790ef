-- without special characters find does a plain search even if not asked
print(string.find("a)b", ")"))
print(string.find("a]b", "]"))
print(string.find("abc", "bc"))
print(string.find("a)", "a)"))
