print(pcall(string.match))
print(pcall(string.match, nil, "a"))
print(pcall(function() return string.match("a", "a", {}) end))
print(pcall(function() return string.match(true, "a") end))
