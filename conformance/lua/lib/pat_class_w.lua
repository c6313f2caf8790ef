print(string.match("  foo_bar99 ", "%w+"))
for w in string.gmatch("one two3 _four five-six", "%w+") do io.write("[", w, "]") end print()
