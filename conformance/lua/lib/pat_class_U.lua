print(string.match("ABcdEF", "%U+"))
