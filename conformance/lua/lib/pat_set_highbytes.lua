print(string.gsub("ab\195\169cd\226\130\172", "[\128-\255]+", "?"))
print(string.find("ab\5c", "[\1-\31]"))
