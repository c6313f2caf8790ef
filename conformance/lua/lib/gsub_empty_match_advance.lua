print(string.gsub("abc", "x*", "-"))
print(string.gsub("abc", "b*", "-"))
print(string.gsub("", "x*", "-"))
print(string.gsub("abc", ".-", "-"))
