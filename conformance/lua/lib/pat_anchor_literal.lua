-- ^ and $ are literal where they are not anchors
print(string.find("a$b", "a$b"))
print(string.find("a^", "a^"))
print(string.find("^a", "^^a"))
print(string.match("x$", "x%$"))
