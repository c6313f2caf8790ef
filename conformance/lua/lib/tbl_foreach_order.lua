local keys = {}
table.foreach({1, 2, 3, x = 1}, function(k) keys[#keys + 1] = tostring(k) end)
print(table.concat(keys, " "))
