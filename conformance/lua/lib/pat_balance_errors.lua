print(pcall(string.match, "a", "%b"))
print(pcall(string.match, "a", "%ba"))
print(pcall(string.find, "(", "%b("))
