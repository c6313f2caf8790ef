print(string.match("abcdefghij", "(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)"))
print(select("#", string.match(string.rep("x", 32), string.rep("(.)", 32))))
