-- generated insert/delete history 14
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t[33] = 0
t[41] = nil
t[29] = 2
t[15] = 3
t[-2] = 4
t[-3] = nil
t[20] = 6
t[17] = 7
t[35] = 8
t[29] = 9
t[0] = 10
t[2] = 11
t[-3] = nil
t[58] = nil
t[32] = 14
print(dump(t))
t[47] = nil
t[18] = nil
t[40] = 17
t[9] = nil
t[47] = 19
t[28] = 20
t[48] = 21
t[14] = nil
t[9] = nil
t[49] = 24
t[34] = nil
t[10] = nil
t[2] = nil
t[8] = 28
t[45] = nil
print(dump(t))
t[31] = 30
t[42] = 31
t[26] = 32
t[49] = 33
t[-4] = 34
t[15] = 35
t[16] = 36
t[21] = 37
t[4] = 38
t[38] = 39
t[22] = 40
t[52] = 41
t[6] = 42
t[48] = nil
t[48] = nil
print(dump(t))
t[-5] = 45
t[18] = 46
t[46] = 47
t[0] = nil
t[23] = nil
t[10] = nil
t[28] = 51
t[31] = nil
t[16] = 53
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
