-- at the subject's start the previous character is '\0'; past its end so is the current one
print(string.find("", "%f[%z]"))
print(string.find("ab", "%f[%z]"))
print(string.find("ab", "%f[%Z]"))
print(string.gsub("ab cd", "%f[%z%s]", "|"))
