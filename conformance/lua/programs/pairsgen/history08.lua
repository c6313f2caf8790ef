-- generated insert/delete history 8
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t[47] = 0
t[10] = 1
t[36] = nil
t[6] = 3
t[23] = 4
t[0] = nil
t[57] = 6
t[27] = 7
t[45] = nil
t[46] = 9
t[0] = 10
t[26] = 11
t[27] = 12
t[3] = 13
t[10] = 14
print(dump(t))
t[2] = 15
t[9] = 16
t[56] = 17
t[23] = nil
t[49] = 19
t[59] = 20
t[6] = 21
t[18] = nil
t[1] = 23
t[21] = 24
t[34] = nil
t[8] = nil
t[-1] = nil
t[32] = nil
t[57] = 29
print(dump(t))
t[-2] = 30
t[1] = 31
t[56] = 32
t[49] = nil
t[23] = 34
t[6] = nil
t[18] = 36
t[34] = nil
t[20] = 38
t[14] = 39
t[50] = nil
t[40] = 41
t[4] = 42
t[22] = 43
t[47] = 44
print(dump(t))
t[16] = 45
t[22] = nil
t[-1] = 47
t[-2] = nil
t[6] = nil
t[-4] = 50
t[10] = 51
t[33] = 52
t[58] = nil
t[56] = 54
t[10] = nil
t[47] = nil
t[40] = 57
t[4] = 58
t[51] = 59
print(dump(t))
t[-2] = nil
t[50] = nil
t[3] = nil
t[11] = nil
t[4] = nil
t[42] = 65
t[2] = 66
t[48] = 67
t[39] = 68
t[34] = 69
t[0] = 70
t[47] = 71
t[18] = nil
t[31] = 73
t[49] = 74
print(dump(t))
t[39] = nil
t[52] = 76
t[11] = 77
t[29] = 78
t[43] = 79
t[31] = nil
t[52] = 81
t[26] = nil
t[-2] = 83
t[43] = nil
t[37] = 85
t[27] = nil
t[10] = nil
t[13] = 88
t[35] = 89
print(dump(t))
t[42] = nil
t[56] = 91
t[37] = 92
t[58] = 93
t[8] = 94
t[7] = nil
t[24] = 96
t[12] = 97
t[34] = 98
t[-4] = 99
t[49] = 100
t[28] = 101
t[50] = 102
t[45] = 103
t[3] = nil
print(dump(t))
t[38] = nil
t[-1] = 106
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
