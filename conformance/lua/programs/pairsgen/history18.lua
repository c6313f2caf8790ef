-- generated insert/delete history 18
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t[0] = 0
t[43] = 1
t[46] = 2
t[60] = 3
t[17] = 4
t[44] = 5
t[42] = 6
t[44] = 7
t[21] = 8
t[3] = 9
t[-4] = nil
t[13] = 11
t[16] = 12
t[45] = nil
t[53] = 14
print(dump(t))
t[20] = nil
t[26] = 16
t[29] = 17
t[4] = 18
t[58] = nil
t[25] = 20
t[13] = 21
t[-2] = 22
t[35] = nil
t[7] = 24
t[29] = 25
t[27] = 26
t[25] = 27
t[-1] = 28
t[48] = nil
print(dump(t))
t[18] = 30
t[16] = 31
t[9] = 32
t[59] = nil
t[33] = 34
t[21] = nil
t[34] = nil
t[13] = 37
t[14] = nil
t[4] = 39
t[18] = 40
t[2] = 41
t[47] = nil
t[58] = 43
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
