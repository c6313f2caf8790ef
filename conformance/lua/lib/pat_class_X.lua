print(string.match("12zz34", "%X+"))
