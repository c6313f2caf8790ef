-- needs: math
print("10" + 0, "0x10" + 0, "1e1" + 0, " 5 " + 0, "-5" * 1)
print("3" .. 4, 3 .. "4", 3 .. 4)
print(pcall(function() return "1e" + 0 end))
print(pcall(function() return "0x" + 0 end))
print(pcall(function() return "" + 0 end))
print(10 == "10", tonumber("10") == 10)
print("2" ^ 10, "9" % "4", -"3", "7" / "2")
print(math.floor("3.7"), math.max("1", "10"))
