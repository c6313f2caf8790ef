local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. "=" .. tostring(v) .. "," end return s end
local t = {1, 2, 3, a = "x", b = "y", [10] = 10, [true] = "t", [false] = "f", [2.5] = "h"}
print(dump(t))
t[4] = 4; t[5] = 5; t.c = "z"
print(dump(t))
t[1] = nil; t.a = nil
print(dump(t))
for i = 6, 30 do t[i] = i end
print(dump(t))
for i = 1, 30, 2 do t[i] = nil end
print(dump(t))
t.new1 = 1 t.new2 = 2 t.new3 = 3
print(dump(t))
