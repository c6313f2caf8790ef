-- needs: string
local s = "Hello, World"
print(s:len(), s:upper(), s:lower())
print(s:sub(1, 5), s:sub(-5), s:sub(8, -1))
print(s:byte(1), s:byte(-1), s:byte(1, 3))
print(s:rep(2, nil), ("ab"):rep(3))
print(s:find("World"), s:find("o", 6), s:match("(%a+), (%a+)"))
print(s:reverse(), s:gsub("o", "0"))
print(("%d-%s"):format(42, "x"))
local n = 0
for w in s:gmatch("%a+") do n = n + 1 print(n, w) end
print(#s, s:len() == #s)
