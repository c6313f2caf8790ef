-- generated insert/delete history 4
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t[28] = 0
t[23] = 1
t[46] = nil
t[10] = 3
t[7] = nil
t[24] = 5
t[22] = nil
t[28] = 7
t[40] = nil
t[23] = 9
t[32] = nil
t[31] = 11
t[58] = 12
t[5] = 13
t[-5] = 14
print(dump(t))
t[24] = 15
t[11] = nil
t[13] = 17
t[-5] = 18
t[29] = 19
t[16] = nil
t[40] = 21
t[42] = 22
t[21] = 23
t[21] = nil
t[54] = 25
t[18] = 26
t[36] = 27
t[11] = 28
t[45] = 29
print(dump(t))
t[43] = nil
t[6] = 31
t[0] = 32
t[22] = 33
t[14] = 34
t[11] = nil
t[38] = 36
t[20] = 37
t[2] = nil
t[43] = 39
t[52] = 40
t[60] = 41
t[50] = 42
t[51] = 43
t[33] = 44
print(dump(t))
t[44] = nil
t[59] = nil
t[39] = nil
t[22] = nil
t[48] = 49
t[46] = nil
t[40] = nil
t[30] = nil
t[9] = 53
t[22] = 54
t[47] = nil
t[21] = nil
t[41] = 57
t[52] = 58
t[40] = 59
print(dump(t))
t[19] = 60
t[58] = nil
t[15] = 62
t[15] = 63
t[22] = 64
t[46] = nil
t[36] = nil
t[32] = nil
t[25] = 68
t[28] = 69
t[53] = 70
t[18] = 71
t[43] = 72
t[28] = nil
t[18] = 74
print(dump(t))
t[46] = 75
t[54] = 76
t[13] = nil
t[34] = nil
t[19] = 79
t[38] = 80
t[-4] = 81
t[18] = nil
t[40] = 83
t[60] = 84
t[46] = nil
t[48] = 86
t[48] = 87
t[35] = nil
t[46] = nil
print(dump(t))
t[49] = 90
t[25] = 91
t[58] = 92
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
