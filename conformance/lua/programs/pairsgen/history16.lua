-- generated insert/delete history 16
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t[24] = 0
t[59] = nil
t[12] = 2
t[19] = nil
t[38] = nil
t[33] = 5
t[40] = 6
t[-1] = 7
t[29] = 8
t[39] = 9
t[46] = nil
t[12] = 11
t[55] = 12
t[58] = 13
t[27] = nil
print(dump(t))
t[44] = 15
t[55] = nil
t[49] = 17
t[59] = 18
t[35] = nil
t[-2] = nil
t[14] = 21
t[15] = 22
t[24] = 23
t[26] = 24
t[7] = 25
t[43] = nil
t[31] = nil
t[49] = 28
t[31] = 29
print(dump(t))
t[56] = 30
t[15] = nil
t[23] = 32
t[-5] = nil
t[23] = nil
t[25] = nil
t[45] = 36
t[37] = nil
t[15] = 38
t[15] = 39
t[12] = 40
t[42] = nil
t[37] = 42
t[25] = 43
t[28] = nil
print(dump(t))
t[40] = 45
t[46] = 46
t[-5] = 47
t[25] = 48
t[55] = 49
t[27] = 50
t[7] = 51
t[53] = 52
t[37] = nil
t[4] = 54
t[46] = 55
t[57] = 56
t[54] = 57
t[24] = 58
t[14] = 59
print(dump(t))
t[51] = 60
t[23] = nil
t[28] = nil
t[17] = 63
t[36] = 64
t[34] = 65
t[35] = 66
t[17] = 67
t[43] = nil
t[11] = nil
t[15] = 70
t[48] = 71
t[57] = nil
t[42] = 73
t[11] = 74
print(dump(t))
t[2] = nil
t[41] = 76
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
