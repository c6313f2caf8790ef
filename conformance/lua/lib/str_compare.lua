print("a" < "b", "abc" < "abd", "" < "a", "Z" < "a", "a\0b" < "a\0c", "a" < "a\0")
print("10" < "9", "abc" <= "abc", "b" > "a")
print(pcall(function() return "a" < 1 end))
