print(string.match("order 66 and 99", "%d+"))
for n in string.gmatch("1, 22, 333, x4", "%d+") do io.write(n, ";") end print()
print(string.find("none", "%d"))
