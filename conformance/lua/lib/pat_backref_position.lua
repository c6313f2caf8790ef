-- a back-reference to a position capture never matches
print(string.match("aa", "()%1"))
print(string.find("aa", "()a%1"))
