print(string.gsub("ab  cd-ef", "%W", ""))
