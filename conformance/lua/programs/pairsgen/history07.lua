-- generated insert/delete history 7
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t["x29"] = nil
t["x18"] = nil
t["x15"] = 2
t["field_28"] = nil
t["name2"] = 4
t["field_18"] = 5
t["name5"] = 6
t["field_30"] = 7
t["k14"] = 8
t["k8"] = 9
t["key20"] = 10
t["x10"] = 11
t["x21"] = 12
t["field_10"] = 13
t["field_38"] = nil
print(dump(t))
t["k6"] = nil
t["key2"] = 16
t["k37"] = nil
t["x20"] = nil
t["key12"] = 19
t["key21"] = nil
t["name9"] = 21
t["k21"] = 22
t["x17"] = 23
t["key36"] = 24
t["field_33"] = 25
t["key31"] = 26
t["field_4"] = nil
t["key36"] = 28
t["name25"] = nil
print(dump(t))
t["name13"] = 30
t["x28"] = 31
t["x21"] = 32
t["key33"] = nil
t["field_34"] = 34
t["name1"] = 35
t["k6"] = 36
t["field_25"] = 37
t["field_9"] = nil
t["k14"] = 39
t["key22"] = nil
t["x22"] = 41
t["key4"] = nil
t["field_8"] = 43
t["name24"] = 44
print(dump(t))
t["x9"] = 45
t["key0"] = 46
t["k29"] = 47
t["key33"] = nil
t["k1"] = nil
t["field_32"] = nil
t["key26"] = nil
t["key13"] = 52
t["name3"] = 53
t["x12"] = 54
t["key35"] = nil
t["k22"] = nil
t["key30"] = 57
t["k17"] = nil
t["name18"] = 59
print(dump(t))
t["name35"] = 60
t["x30"] = 61
t["key16"] = 62
t["field_21"] = 63
t["k35"] = 64
t["field_36"] = 65
t["k30"] = nil
t["name32"] = nil
t["field_5"] = 68
t["key25"] = nil
t["key36"] = 70
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
