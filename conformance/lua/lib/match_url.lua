print(string.match("http://example.com/path?q=1", "^(%w+)://([^/]+)(.*)$"))
print(string.match("https://a.b:8080/", "^(%w+)://([^/:]+):?(%d*)(/.*)$"))
