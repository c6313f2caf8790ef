-- generated insert/delete history 2
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t[19.5] = nil
t[10.5] = 1
t[13] = nil
t[65536] = 3
t[12] = nil
t[false] = nil
t[17179869184] = 6
t[true] = 7
t[false] = 8
t[8] = nil
t[68719476736] = 10
t[true] = 11
t[10.5] = nil
t[false] = 13
t[18.5] = 14
print(dump(t))
t[true] = 15
t[4.5] = 16
t[61] = 17
t[13] = 18
t[8589934592] = 19
t[false] = 20
t[false] = nil
t[17.5] = 22
t[false] = nil
t[11.5] = 24
t[14.5] = 25
t[8192] = 26
t[8.5] = 27
t[false] = 28
t[52] = 29
print(dump(t))
t[false] = 30
t[true] = 31
t[true] = 32
t[false] = 33
t[2147483648] = nil
t[16384] = 35
t[true] = 36
t[44] = 37
t[true] = 38
t[21] = 39
t[false] = nil
t[14.5] = 41
t[78] = nil
t[6] = 43
t[true] = 44
print(dump(t))
t[0.5] = 45
t[131072] = 46
t[false] = 47
t[true] = 48
t[false] = 49
t[false] = 50
t[true] = nil
t[524288] = nil
t[18] = 53
t[true] = 54
t[7] = nil
t[false] = 56
t[9] = 57
t[68] = 58
t[19.5] = nil
print(dump(t))
t[false] = nil
t[81] = 61
t[44] = nil
t[16.5] = 63
t[true] = nil
t[2] = 65
t[false] = 66
t[8192] = 67
t[true] = 68
t[true] = 69
t[true] = 70
t[false] = 71
t[3] = 72
t[68719476736] = 73
t[92] = nil
print(dump(t))
t[15.5] = 75
t[true] = 76
t[20] = 77
t[268435456] = 78
t[93] = 79
t[24] = nil
t[false] = 81
t[8] = 82
t[8589934592] = nil
t[false] = 84
t[true] = 85
t[0.5] = 86
t[52] = nil
t[true] = 88
t[4.5] = 89
print(dump(t))
t[true] = nil
t[false] = 91
t[8.5] = 92
t[false] = 93
t[15.5] = 94
t[8589934592] = nil
t[false] = nil
t[3.5] = 97
t[32768] = nil
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
