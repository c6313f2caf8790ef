print(string.match("bab", "(a)"))
print(string.match("ab", "(a)(b)"))
print(string.find("xaby", "(a)(b)"))
