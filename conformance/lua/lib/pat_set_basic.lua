print(string.match("xxabcbaxx", "[abc]+"))
print(string.find("xyz", "[abc]"))
print(string.gsub("banana", "[an]", {a = "A", n = "N"}))
