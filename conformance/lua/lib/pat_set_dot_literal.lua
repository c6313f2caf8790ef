print(string.find("a.b", "[.]"))
print(string.find("ab", "[.]"))
print(string.find("a.b", "[%.]"))
