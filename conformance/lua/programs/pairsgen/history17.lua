-- generated insert/delete history 17
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t["key12"] = 0
t["x29"] = 1
t["field_9"] = nil
t["key16"] = 3
t["x38"] = 4
t["name36"] = 5
t["x4"] = 6
t["k34"] = 7
t["key23"] = nil
t["name13"] = 9
t["name34"] = nil
t["name30"] = 11
t["k14"] = nil
t["k33"] = 13
t["x34"] = 14
print(dump(t))
t["name5"] = 15
t["key21"] = nil
t["name7"] = 17
t["field_12"] = nil
t["x23"] = 19
t["field_33"] = 20
t["field_22"] = 21
t["k5"] = 22
t["name12"] = 23
t["name1"] = 24
t["key12"] = 25
t["field_14"] = 26
t["key32"] = 27
t["k21"] = 28
t["field_29"] = 29
print(dump(t))
t["key2"] = 30
t["name31"] = 31
t["k34"] = 32
t["name16"] = 33
t["x22"] = 34
t["x21"] = 35
t["key22"] = nil
t["x6"] = nil
t["name37"] = 38
t["key26"] = nil
t["k30"] = 40
t["key39"] = nil
t["key7"] = nil
t["key3"] = 43
t["k3"] = 44
print(dump(t))
t["key22"] = 45
t["key7"] = 46
t["field_21"] = 47
t["x30"] = 48
t["k26"] = nil
t["name21"] = 50
t["x5"] = 51
t["x9"] = 52
t["name18"] = 53
t["field_8"] = 54
t["k8"] = 55
t["k29"] = nil
t["field_8"] = 57
t["key27"] = 58
t["x29"] = 59
print(dump(t))
t["k33"] = 60
t["field_14"] = 61
t["k38"] = nil
t["name3"] = nil
t["name40"] = 64
t["key12"] = 65
t["k6"] = 66
t["field_40"] = 67
t["k1"] = 68
t["k7"] = 69
t["x17"] = 70
t["field_9"] = nil
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
