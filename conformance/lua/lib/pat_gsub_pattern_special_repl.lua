-- magic characters in the replacement string are plain text
print(string.gsub("a", "a", "^$*+?.([-"))
print(string.gsub("a", "a", "%%1"))
