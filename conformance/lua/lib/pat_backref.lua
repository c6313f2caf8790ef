print(string.match("abccd", "(.)%1"))
print(string.match("abcd", "(.)%1"))
print(string.match("x = x", "(%w+)%s*=%s*%1"))
print(string.match("xabbay", "(.)(.)%2%1"))
