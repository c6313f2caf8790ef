local y, m, d = string.match("Today is 2024-01-15.", "(%d%d%d%d)-(%d%d)-(%d%d)")
print(y, m, d, y + m + d)
