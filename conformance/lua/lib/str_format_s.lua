print(string.format("%s|%10s|%-10s|%.2s|%5.1s", "hello", "hi", "hi", "hello", "abc"))
print(string.format("%s %s", 1.5, 10))
print(#string.format("%s", "a\0b"), #string.format("%s", string.rep("x", 100) .. "\0z"))
print(string.format("%s", string.rep("y", 150)) == string.rep("y", 150))
