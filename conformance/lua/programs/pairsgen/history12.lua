-- generated insert/delete history 12
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. " " end return s end

local t = {}
t["field_31"] = nil
t["key17"] = nil
t["name35"] = nil
t["x23"] = 3
t["name16"] = 4
t["k3"] = 5
t["field_17"] = 6
t["name8"] = 7
t["x8"] = nil
t["field_22"] = 9
t["name0"] = 10
t["name40"] = 11
t["field_36"] = 12
t["field_18"] = 13
t["name39"] = 14
print(dump(t))
t["name4"] = 15
t["field_34"] = 16
t["name12"] = 17
t["field_3"] = nil
t["name23"] = nil
t["k12"] = 20
t["key23"] = 21
t["key25"] = nil
t["name0"] = 23
t["key40"] = nil
t["x28"] = nil
t["x37"] = 26
t["key25"] = 27
t["key39"] = 28
t["x9"] = 29
print(dump(t))
t["k34"] = 30
t["k32"] = 31
t["field_32"] = 32
t["name14"] = 33
t["name23"] = 34
t["field_18"] = 35
t["field_5"] = 36
t["x36"] = nil
t["key16"] = nil
t["x22"] = 39
t["key34"] = 40
t["key34"] = 41
t["key33"] = 42
t["name24"] = nil
t["name26"] = 44
print(dump(t))
t["k30"] = 45
t["field_37"] = 46
t["name30"] = nil
t["field_10"] = nil
t["name6"] = nil
t["key24"] = 50
t["name6"] = nil
t["key24"] = 52
t["x26"] = nil
t["k12"] = nil
t["x9"] = 55
t["k27"] = 56
t["k16"] = 57
t["name12"] = 58
t["name4"] = nil
print(dump(t))
t["name25"] = 60
t["x7"] = 61
t["key35"] = nil
t["field_6"] = 63
t["key31"] = 64
t["key9"] = 65
t["name6"] = 66
t["k39"] = nil
t["x21"] = 68
t["name17"] = 69
t["field_38"] = nil
t["key11"] = 71
t["field_7"] = nil
t["name10"] = 73
t["key13"] = nil
print(dump(t))
t["name4"] = 75
t["name9"] = nil
t["k28"] = 77
t["k1"] = 78
t["field_40"] = 79
t["x5"] = 80
t["field_16"] = 81
t["k28"] = 82
t["x4"] = 83
t["field_10"] = 84
t["k22"] = 85
t["k27"] = 86
t["field_19"] = nil
t["key40"] = 88
t["k15"] = 89
print(dump(t))
t["field_24"] = nil
t["field_29"] = 91
t["name1"] = nil
t["name38"] = 93
t["field_35"] = nil
t["k31"] = 95
t["key4"] = 96
t["key11"] = nil
t["k24"] = 98
t["x6"] = nil
t["x20"] = nil
t["field_3"] = 101
t["k0"] = nil
t["key14"] = 103
t["x27"] = 104
print(dump(t))
t["x38"] = nil
t["x35"] = 106
t["x0"] = nil
t["name23"] = 108
t["field_28"] = nil
t["field_19"] = 110
t["k33"] = 111
t["name20"] = 112
t["field_17"] = nil
t["key21"] = nil
t["k39"] = nil
t["x22"] = 116
t["x40"] = 117
t["field_38"] = nil
t["field_7"] = 119
print(dump(t))
print(dump(t))
local n = 0 for _ in pairs(t) do n = n + 1 end print(n, #t)
