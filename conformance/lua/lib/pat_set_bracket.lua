print(string.find("a]b", "[]]"))
print(string.match("x]a]y", "[]a]+"))
print(string.match("]]ab]", "[^]]+"))
print(string.match("a]]b", "[%]]+"))
