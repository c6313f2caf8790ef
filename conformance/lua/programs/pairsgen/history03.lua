-- generated insert/delete history 3
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t[60] = nil
t[19] = nil
t[5] = nil
t[38] = 3
t[22] = nil
t[30] = 5
t[27] = 6
t[21] = 7
t[27] = 8
t[55] = nil
t[32] = 10
t[18] = nil
t[34] = 12
t[59] = 13
t[20] = 14
print(dump(t))
t[46] = 15
t[39] = 16
t[31] = nil
t[42] = nil
t[27] = nil
t[-2] = 20
t[0] = nil
t[47] = 22
t[37] = 23
t[49] = 24
t[44] = 25
t[12] = 26
t[-1] = 27
t[42] = 28
t[10] = nil
print(dump(t))
t[16] = nil
t[25] = 31
t[12] = 32
t[18] = 33
t[46] = 34
t[8] = 35
t[51] = nil
t[60] = 37
t[34] = 38
t[28] = 39
t[16] = nil
t[23] = nil
t[28] = nil
t[3] = 43
t[56] = 44
print(dump(t))
t[8] = 45
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
