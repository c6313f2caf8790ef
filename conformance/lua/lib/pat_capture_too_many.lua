print(pcall(string.match, string.rep("x", 33), string.rep("(.)", 33)))
print(pcall(string.find, "abc", string.rep("()", 33)))
