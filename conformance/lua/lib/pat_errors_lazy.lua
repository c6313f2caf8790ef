-- pattern errors appear only when the matcher reaches them
print(pcall(string.find, "abc", "x%"))
print(pcall(string.find, "abc", "x[a"))
print(pcall(string.match, "abc", "x(y"))
print(pcall(string.gsub, "abc", "z%b", ""))
