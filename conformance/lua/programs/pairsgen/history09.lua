-- generated insert/delete history 9
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t["x34"] = 0
t["name19"] = 1
t["k23"] = 2
t[15.5] = 3
t[16.5] = 4
t["x3"] = 5
t["x13"] = 6
t["k26"] = nil
t["field_1"] = 8
t[16.5] = 9
t["name9"] = 10
t["x35"] = nil
t[6.5] = 12
t[false] = nil
t["x18"] = nil
print(dump(t))
t[43] = 15
t[13.5] = nil
t["key35"] = 17
t[12] = 18
t["k14"] = 19
t[53] = 20
t[3.5] = 21
t[274877906944] = 22
t[1.5] = 23
t["name5"] = 24
t["field_29"] = 25
t["key27"] = 26
t["key36"] = 27
t[33554432] = 28
t["x2"] = 29
print(dump(t))
t[3.5] = 30
t[7.5] = 31
t[18.5] = 32
t["field_29"] = nil
t[16384] = 34
t["x29"] = 35
t["k0"] = 36
t[true] = 37
t[false] = 38
t[134217728] = 39
t["name5"] = 40
t[67] = 41
t[19.5] = nil
t[8.5] = 43
t[16777216] = nil
print(dump(t))
t[1048576] = nil
t[34359738368] = 46
t["key15"] = 47
t[96] = 48
t["key36"] = 49
t["x4"] = 50
t[true] = nil
t[2.5] = 52
t["key19"] = 53
t["field_20"] = 54
t["key22"] = 55
t[false] = nil
t["x31"] = nil
t["k19"] = nil
t["field_31"] = 59
print(dump(t))
t["k13"] = nil
t[18.5] = 61
t["x15"] = 62
t["x33"] = 63
t[true] = 64
t["x22"] = 65
t["name12"] = 66
t["key39"] = nil
t["key23"] = 68
t["x19"] = 69
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
