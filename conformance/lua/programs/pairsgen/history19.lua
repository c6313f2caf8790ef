-- generated insert/delete history 19
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t["x16"] = 0
t["field_6"] = 1
t[89] = 2
t[true] = 3
t[32768] = 4
t["name6"] = 5
t[4294967296] = nil
t["key6"] = 7
t["name30"] = nil
t["name6"] = 9
t["name36"] = nil
t["key7"] = nil
t[20.5] = 12
t["key38"] = 13
t[95] = nil
print(dump(t))
t["k11"] = 15
t["k37"] = 16
t["field_28"] = 17
t["name6"] = 18
t[true] = 19
t[67108864] = 20
t["x10"] = nil
t["name28"] = 22
t[0.5] = 23
t[true] = 24
t["key40"] = 25
t["name2"] = 26
t["field_23"] = 27
t["key19"] = 28
t["name15"] = 29
print(dump(t))
t[false] = 30
t["field_16"] = 31
t[2.5] = 32
t[true] = 33
t["k14"] = 34
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
