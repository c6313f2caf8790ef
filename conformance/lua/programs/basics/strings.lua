local s = "hello"
print(#s, #"", #"\0\0", s .. " " .. "world", "a\tb", "q\"q", 'q\'q', "\65\066\x", "\\")
print([[long
string]], [==[with ]] inside]==], #[[
x]])
print("a" .. 1 .. 2, 1 .. "", 1.5 .. "x", -1 .. "")
local t = {}
for i = 1, 10 do t[#t + 1] = i .. "" end
print(#t, t[10])
local parts = ""
for i = 1, 5 do parts = parts .. i .. "," end
print(parts)
print("abc" == "abc", "abc" ~= "abd")
print("\0a" < "\0b", "a\0" > "a", #"a\0b")
