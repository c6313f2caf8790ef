local words = {}
for w in string.gmatch("the quick brown fox jumps over the lazy dog", "%a+") do words[#words + 1] = w end
table.sort(words, function(a, b) return a > b end)
print(table.concat(words, " "))
