-- generated insert/delete history 13
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t["key10"] = 0
t["name12"] = 1
t[61] = 2
t["k21"] = 3
t[1.5] = 4
t["name21"] = nil
t[1024] = 6
t[14.5] = 7
t["x31"] = 8
t[true] = 9
t["name21"] = 10
t["k30"] = 11
t["field_4"] = 12
t[3.5] = 13
t["field_22"] = 14
print(dump(t))
t[4.5] = 15
t["k36"] = 16
t["x21"] = 17
t[true] = 18
t["name23"] = 19
t["k36"] = nil
t[false] = 21
t[19.5] = nil
t["k26"] = 23
t[47] = 24
t[2147483648] = nil
t["field_9"] = nil
t[52] = 27
t[8] = nil
t[false] = 29
print(dump(t))
t["field_19"] = 30
t["name30"] = 31
t["x10"] = nil
t[33] = 33
t[true] = 34
t["name17"] = 35
t["field_24"] = nil
t[20.5] = 37
t[false] = 38
t[true] = nil
t[false] = nil
t["k16"] = nil
t[32768] = 42
t["k26"] = 43
t[4194304] = nil
print(dump(t))
t["field_20"] = 45
t["x4"] = nil
t[95] = 47
t[2147483648] = 48
t["name0"] = nil
t[false] = 50
t["x9"] = 51
t["x21"] = nil
t[1099511627776] = 53
t[65536] = nil
t[76] = 55
t[4.5] = 56
t["x31"] = nil
t[262144] = 58
t["name28"] = 59
print(dump(t))
t["key27"] = nil
t["k16"] = 61
t[3.5] = 62
t[false] = 63
t[20.5] = nil
t[8] = 65
t[true] = 66
t["name40"] = nil
t["name13"] = 68
t["k4"] = 69
t["k3"] = 70
t[19.5] = nil
t["field_3"] = 72
t["x16"] = 73
t["name17"] = 74
print(dump(t))
t["field_24"] = nil
t["x15"] = nil
t["k5"] = 77
t[23] = nil
t[false] = 79
t[58] = 80
t[2.5] = 81
t[73] = nil
t["key20"] = 83
t[262144] = 84
t[2.5] = 85
t[false] = 86
t[61] = nil
t["field_30"] = nil
t["k40"] = 89
print(dump(t))
t[137438953472] = 90
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
