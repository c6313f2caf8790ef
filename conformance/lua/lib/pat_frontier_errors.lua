print(pcall(string.find, "a", "%f"))
print(pcall(string.find, "a", "%fa"))
print(pcall(string.find, "a", "%f[a"))
