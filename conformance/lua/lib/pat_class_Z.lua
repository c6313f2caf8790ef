print(#string.match("ab\0cd", "%Z+"))
print(string.gsub("\0a\0", "%Z", "."))
