print(string.find("a\0b\0c", "b\0c", 1, true))
print(#string.match("x\0y\0z", "%Z*%z%Z*"))
print(string.gsub("\0\0\0", "%z", "."))
