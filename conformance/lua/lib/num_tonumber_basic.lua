print(tonumber("10"), tonumber("10.5"), tonumber("  10  "), tonumber("1e2"), tonumber(".5"), tonumber("5."))
print(tonumber("0x10"), tonumber("0XfF"), tonumber("-0x10"), tonumber("0x"), tonumber("1e"), tonumber(""))
print(tonumber("abc"), tonumber("10a"), tonumber("1 2"), tonumber(nil), tonumber({}))
