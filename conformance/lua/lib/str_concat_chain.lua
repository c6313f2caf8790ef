local parts = {}
local s = ""
for i = 1, 100 do s = s .. i .. "," end
print(#s, s:sub(1, 30))
print("a" .. "b" .. "c" .. 1 .. 2 .. "d")
