-- needs: string
local mt = getmetatable("")
print("a" < "b", "a" < "B", "abc" < "abd", "" < "a", "a\0b" < "a\0c")
print("Z" < "a", "10" < "9", "a" <= "a", "b" >= "a")
mt.__lt = function() return "never called" end
print("a" < "b", "b" < "a")
mt.__lt = nil
mt.__eq = function() return true end
print("a" == "b", "a" ~= "b")
mt.__eq = nil
print(pcall(function() return "a" < 1 end))
print(pcall(function() return 1 <= "a" end))
print(pcall(function() return {} < "a" end))
