print(string.match("xaby", "((a)(b))"))
print(string.match("aaa4B  x", "(a*(.)%w(%s*))"))
