-- % before a letter that is not a class matches the letter itself
print(string.find("q", "%q"))
print(string.find("g", "%g"))
print(string.find("e", "%e"))
print(string.match("xyz", "%y"))
