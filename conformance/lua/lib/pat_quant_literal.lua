-- a quantifier with nothing before it is a literal character
print(string.find("a*b", "*"))
print(string.find("a+b", "+"))
print(string.find("a?b", "?"))
print(string.find("a-b", "-"))
print(string.match("a*", "a**"))
