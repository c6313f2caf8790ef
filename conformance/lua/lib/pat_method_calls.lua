local s = "Hello World"
print(s:find("World"))
print(s:match("(%a+) (%a+)"))
print(s:gsub("o", "0"))
for w in s:gmatch("%a+") do io.write(w:lower(), ";") end print()
