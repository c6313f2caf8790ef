-- generated insert/delete history 1
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t[39] = 0
t[50] = nil
t[35] = 2
t[25] = 3
t[10] = 4
t[37] = 5
t[6] = nil
t[1] = 7
t[-3] = 8
t[36] = 9
t[28] = nil
t[59] = 11
t[48] = 12
t[11] = 13
t[55] = 14
print(dump(t))
t[48] = nil
t[9] = 16
t[18] = 17
t[5] = 18
t[32] = 19
t[53] = nil
t[8] = 21
t[53] = nil
t[58] = 23
t[25] = nil
t[36] = 25
t[-2] = 26
t[30] = 27
t[51] = 28
t[50] = nil
print(dump(t))
t[-3] = 30
t[3] = 31
t[38] = nil
t[25] = 33
t[46] = 34
t[21] = nil
t[17] = nil
t[54] = 37
t[12] = nil
t[-3] = 39
t[2] = nil
t[-1] = nil
t[45] = 42
t[9] = 43
t[50] = 44
print(dump(t))
t[44] = 45
t[3] = 46
t[28] = nil
t[37] = 48
t[38] = nil
t[58] = 50
t[0] = 51
t[-5] = 52
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
