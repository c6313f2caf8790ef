-- generated insert/delete history 20
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t[true] = 0
t[137438953472] = 1
t[true] = 2
t[6.5] = 3
t[false] = 4
t[true] = nil
t[41] = 6
t[1.5] = nil
t[false] = 8
t[549755813888] = 9
t[true] = 10
t[false] = 11
t[17179869184] = nil
t[137438953472] = 13
t[true] = nil
print(dump(t))
t[true] = 15
t[true] = 16
t[33554432] = nil
t[false] = nil
t[false] = 19
t[false] = 20
t[78] = 21
t[9.5] = 22
t[7] = 23
t[false] = 24
t[87] = 25
t[5.5] = nil
t[false] = 27
t[false] = nil
t[1024] = 29
print(dump(t))
t[268435456] = 30
t[false] = 31
t[false] = nil
t[false] = 33
t[false] = nil
t[true] = 35
t[80] = 36
t[false] = 37
t[92] = 38
t[549755813888] = 39
t[28] = nil
t[73] = 41
t[false] = 42
t[true] = 43
t[true] = 44
print(dump(t))
t[12.5] = 45
t[false] = 46
t[false] = nil
t[false] = 48
t[45] = 49
t[54] = 50
t[40] = 51
t[0.5] = 52
t[true] = 53
t[false] = 54
t[false] = 55
t[32768] = 56
t[false] = 57
t[134217728] = 58
t[1099511627776] = nil
print(dump(t))
t[9.5] = nil
t[false] = 61
t[67108864] = nil
t[15.5] = 63
t[31] = 64
t[false] = 65
t[100] = 66
t[false] = nil
t[13.5] = 68
t[16384] = nil
t[2048] = 70
t[2147483648] = 71
t[true] = 72
t[4.5] = nil
t[2.5] = nil
print(dump(t))
t[33554432] = 75
t[32768] = 76
t[true] = 77
t[15] = nil
t[false] = 79
t[62] = nil
t[false] = 81
t[true] = nil
t[8589934592] = nil
t[65536] = nil
t[12.5] = 85
t[38] = 86
t[3.5] = 87
t[14] = 88
t[18.5] = nil
print(dump(t))
t[false] = nil
t[76] = 91
t[10.5] = 92
t[131072] = 93
t[1.5] = 94
t[false] = 95
t[97] = 96
t[true] = nil
t[true] = 98
t[false] = nil
t[29] = 100
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
