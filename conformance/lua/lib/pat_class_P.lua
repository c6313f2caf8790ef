print(string.gsub("!!ab!!cd", "%P", "-"))
