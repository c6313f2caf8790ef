-- generated insert/delete history 15
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t[20.5] = nil
t[93] = 1
t[false] = 2
t[0.5] = 3
t[false] = 4
t[4.5] = 5
t[70] = nil
t[false] = 7
t[2048] = nil
t[15.5] = nil
t[true] = 10
t[134217728] = nil
t[12.5] = nil
t[true] = 13
t[false] = 14
print(dump(t))
t[true] = 15
t[true] = 16
t[true] = 17
t[1099511627776] = nil
t[false] = nil
t[71] = 20
t[true] = nil
t[2097152] = 22
t[27] = 23
t[true] = nil
t[65536] = 25
t[false] = nil
t[52] = 27
t[4.5] = 28
t[73] = nil
print(dump(t))
t[36] = 30
t[2048] = nil
t[71] = 32
t[false] = 33
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
