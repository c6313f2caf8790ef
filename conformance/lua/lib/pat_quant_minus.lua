print(string.find("aaa", "a-"))
print(string.find("aaab", "a-b"))
print(string.match("<a><b>", "<(.-)>"))
print(string.match("<a><b>", "<(.*)>"))
