local words = {}
for w in string.gmatch("The quick brown fox", "%a+") do words[#words + 1] = w end
print(#words, table.concat(words, "|"))
