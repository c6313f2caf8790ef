print(string.match("xyzabcdefghij", "[a-f]+"))
print(string.gsub("Hello 123", "[A-Z0-9]", "#"))
print(string.match("abz-", "[z-a]+"))
