print(string.gsub("abc", "()", "%1"))
print(string.gsub("abc", "()(b)", "%1%2%1"))
print(string.gsub("hello", "l()", "<%1>"))
