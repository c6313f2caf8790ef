print(string.gsub("hello world", "%w+", {hello = "HI", world = "EARTH"}))
print(string.gsub("a.b", "%.", {["."] = "DOT"}))
