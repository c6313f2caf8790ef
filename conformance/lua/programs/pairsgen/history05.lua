-- generated insert/delete history 5
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t["field_37"] = nil
t[false] = 1
t["field_8"] = nil
t["k16"] = 3
t[274877906944] = 4
t[false] = 5
t["key8"] = 6
t[4.5] = 7
t[false] = 8
t["field_3"] = nil
t["k16"] = 10
t["x25"] = 11
t[8.5] = nil
t[98] = nil
t[100] = 14
print(dump(t))
t["x33"] = nil
t[65] = nil
t[true] = 17
t["x35"] = nil
t["x33"] = 19
t["x4"] = nil
t[false] = 21
t[false] = nil
t["k4"] = 23
t[false] = 24
t["k31"] = 25
t["k33"] = 26
t[true] = 27
t["name23"] = 28
t[true] = 29
print(dump(t))
t["k0"] = 30
t[19.5] = nil
t["name8"] = 32
t["field_33"] = nil
t[8388608] = 34
t["key12"] = 35
t["field_36"] = nil
t[39] = 37
t[false] = 38
t[2.5] = nil
t[39] = 40
t["k17"] = 41
t["key26"] = nil
t["field_13"] = 43
t["field_16"] = 44
print(dump(t))
t["key5"] = 45
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
