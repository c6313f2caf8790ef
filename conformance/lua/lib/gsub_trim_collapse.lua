print(string.gsub("  many   spaces  here ", "%s+", " "))
print((string.gsub("  many   spaces  here ", "^%s+", "")))
