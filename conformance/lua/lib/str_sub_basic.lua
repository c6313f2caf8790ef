local s = "hello world"
print(s:sub(1, 5), s:sub(7), s:sub(-5), s:sub(-5, -3))
print(s:sub(0), s:sub(5, 1), s:sub(100), s:sub(-100, 3))
print(s:sub(3, 3), s:sub(-1), s:sub(0, 0), s:sub(12))
