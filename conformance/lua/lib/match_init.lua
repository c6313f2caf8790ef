print(string.match("hello world", "%a+", 6))
print(string.match("hello world", "%a+", -5))
print(string.match("hello", "l", 10))
print(string.match("hello", ".", 0))
