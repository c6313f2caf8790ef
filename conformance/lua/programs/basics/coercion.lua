print("10" + 5, "3" * "4", "2" ^ 3, 10 .. 20, "0x10" + 0, " 5 " + 1, "1e2" * 1)
print(pcall(function() return "abc" + 1 end))
print(pcall(function() return {} .. "x" end))
print(tonumber("  12  "), tonumber("12a"), tonumber(""), tonumber(" "), tonumber("0x"), tonumber("1e"), tonumber(".5"), tonumber("5."))
print(tonumber("0x1p4"), tonumber("inf"), tonumber("nan"), tonumber("1e500"), tonumber("-0x10"), tonumber("- 1"))
print(tonumber(10), tonumber("10", 2), tonumber("ff", 16), tonumber("FF", 16), tonumber("zz", 36), tonumber("8", 8), tonumber("777", 8))
print(tonumber("  11  ", 2), tonumber("-11", 2), tonumber("1.5", 10), tonumber("0x10", 16), tonumber("10", 16), tonumber("", 16))
print(pcall(tonumber, "10", 1), pcall(tonumber, "10", 37))
print(tonumber(nil ~= nil), tonumber({}), tonumber("1" .. "0"))
print(1 == "1", "10" < "9", pcall(function() return 10 < "9" end))
for _, s in ipairs({"1", "0x1A", "1e1", "  -3  ", "4.", ".25e1", "0X1f", "1E+2", "1e-2"}) do
  print(s, s + 0, tonumber(s))
end
