local s = "line1\nline2\r\0\"\\\1\255"
local q = string.format("%q", s)
print(loadstring("return " .. q)() == s)
