-- %A: complement of letters
print(string.match("hello, world!", "%A+"))
print(string.gsub("a1b2c3", "%A", "."))
print(string.find("abc", "%A"))
