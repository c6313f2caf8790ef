local html = "<b>bold</b> and <i>italic</i>"
print(string.match(html, "<(.*)>"))
print(string.match(html, "<(.-)>"))
for tag in string.gmatch(html, "<(%a+)>") do io.write(tag, " ") end print()
