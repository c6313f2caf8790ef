print(string.find("key=val", "(%w+)=(%w+)"))
print(string.find("2024-01-15", "(%d+)-(%d+)-(%d+)"))
print(string.find("abc", "b()"))
