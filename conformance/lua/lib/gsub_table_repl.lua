local t = {name = "Lua", version = "5.1", n = 42, f = false}
print(string.gsub("$name $version $missing $n $f", "%$(%w+)", t))
print(pcall(string.gsub, "abc", "%w", {a = 1, b = true}))
print(string.gsub("abc", "%w", {a = 1, c = "C"}))
