print(string.find("a^b", "[%^]"))
print(string.find("a^b", "[b^]"))
print(string.find("a$b", "[$]"))
print(string.match("^^x", "[^^]"))
