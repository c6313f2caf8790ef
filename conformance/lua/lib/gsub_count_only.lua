local _, n = string.gsub("the rain in spain", "ain", "")
print(n)
_, n = string.gsub("aaaa", "aa", "")
print(n)
