-- without captures the function receives the whole match
print(string.gsub("one two", "%a+", function(...) return select("#", ...) .. (...) end))
