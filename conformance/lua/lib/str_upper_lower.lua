print(string.upper("Hello, World! 123"), string.lower("Hello, World! 123"))
print(string.upper("\233\255abc"), string.lower("\201ABC"))
print(string.upper(""), string.lower(12))
print(pcall(string.upper))
