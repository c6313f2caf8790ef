-- generated insert/delete history 6
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t[true] = 0
t[true] = 1
t[false] = nil
t[true] = nil
t[true] = nil
t[11.5] = nil
t[2048] = 6
t[false] = 7
t[15.5] = 8
t[4294967296] = nil
t[16777216] = 10
t[false] = 11
t[false] = 12
t[9.5] = 13
t[2048] = nil
print(dump(t))
t[false] = 15
t[true] = 16
t[43] = 17
t[true] = 18
t[22] = 19
t[false] = 20
t[false] = 21
t[18.5] = 22
t[false] = nil
t[true] = nil
t[18.5] = 25
t[17.5] = nil
t[4.5] = 27
t[false] = 28
t[16384] = 29
print(dump(t))
t[0.5] = 30
t[0.5] = nil
t[20.5] = 32
t[131072] = 33
t[true] = 34
t[66] = 35
t[false] = 36
t[true] = 37
t[true] = 38
t[2097152] = nil
t[81] = 40
t[10.5] = 41
t[false] = 42
t[false] = 43
t[false] = 44
print(dump(t))
t[17.5] = nil
t[false] = 46
t[549755813888] = 47
t[32768] = 48
t[true] = 49
t[6.5] = nil
t[14.5] = nil
t[false] = nil
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
