-- generated insert/delete history 11
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t[22] = 0
t[37] = 1
t[38] = 2
t[23] = 3
t[57] = nil
t[33] = 5
t[24] = nil
t[52] = nil
t[-1] = nil
t[37] = 9
t[0] = 10
t[15] = 11
t[35] = 12
t[22] = 13
t[0] = 14
print(dump(t))
t[34] = 15
t[30] = 16
t[36] = nil
t[24] = 18
t[16] = 19
t[31] = 20
t[-5] = 21
t[45] = 22
t[52] = 23
t[-1] = 24
t[34] = 25
t[26] = nil
t[45] = 27
t[10] = 28
t[60] = 29
print(dump(t))
t[57] = 30
t[28] = nil
t[4] = nil
t[55] = 33
t[19] = 34
t[42] = 35
t[-1] = 36
t[-1] = 37
t[59] = 38
t[52] = 39
t[5] = nil
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
