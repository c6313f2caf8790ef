-- long subjects and patterns that PUC Lua handles
local s = string.rep("a", 10000)
print(string.find(s, string.rep("a?", 5000)))
print(string.find(s, "b"))
print(#string.match(s, "a*"), #string.match(s, ".-$"))
print(string.find(s .. "b", "a-b"))
