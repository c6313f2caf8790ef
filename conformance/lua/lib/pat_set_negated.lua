print(string.match("abxyzcb", "[^abc]+"))
print(string.gsub("hello world", "[^lo]", "."))
