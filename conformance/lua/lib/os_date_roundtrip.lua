local t = os.time({year = 2020, month = 6, day = 15, hour = 10, min = 20, sec = 30})
local d = os.date("*t", t)
print(d.year, d.month, d.day, d.hour, d.min, d.sec)
print(os.date("%Y-%m-%d %H:%M:%S", t))
