local t = {10, 20, 30}
table.foreachi(t, print)
print(table.foreachi(t, function(i, v) if v == 20 then return "stop" end end))
print(table.foreach({a = 1}, function(k, v) return k .. v end))
