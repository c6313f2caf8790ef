print("10" + 5, "3" * "4", "2" ^ 10, "0x10" + 0, " 5 " + 1, "1e2" - 1)
print(pcall(function() return "abc" + 1 end))
print(10 .. 20 == "1020")
