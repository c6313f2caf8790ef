local esc = {["<"] = "&lt;", [">"] = "&gt;", ["&"] = "&amp;", ['"'] = "&quot;"}
print(string.gsub([[<a href="x">&</a>]], '[<>&"]', esc))
