print(string.match("abc", "."))
print(string.match("\0", ".") == "\0")
print(string.gsub("abc", ".", "%0%0"))
print(string.find("", "."))
