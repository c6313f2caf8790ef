-- generated insert/delete history 10
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t[46] = 0
t[15] = 1
t[32] = 2
t[42] = nil
t[40] = 4
t[-1] = 5
t[5] = 6
t[25] = 7
t[-5] = 8
t[12] = 9
t[43] = 10
t[33] = nil
t[0] = 12
t[6] = 13
t[44] = 14
print(dump(t))
t[43] = 15
t[-5] = nil
t[48] = 17
t[56] = nil
t[16] = 19
t[4] = 20
t[59] = 21
t[17] = 22
t[54] = nil
t[43] = 24
t[-4] = nil
t[28] = 26
t[22] = nil
t[43] = nil
t[-4] = 29
print(dump(t))
t[16] = 30
t[15] = 31
t[42] = 32
t[48] = 33
t[32] = nil
t[16] = nil
t[5] = 36
t[19] = nil
t[46] = 38
t[13] = 39
t[12] = nil
t[-1] = 41
t[59] = 42
t[33] = 43
t[40] = 44
print(dump(t))
t[37] = 45
t[55] = 46
t[13] = 47
t[12] = 48
t[46] = 49
t[31] = 50
t[13] = nil
t[60] = 52
t[50] = 53
t[59] = 54
t[41] = 55
t[9] = 56
t[19] = 57
t[46] = 58
t[48] = 59
print(dump(t))
t[9] = 60
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
