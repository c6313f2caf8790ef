-- needs: table
local t = {}
t[1] = "int"
t[1.0] = "float one"
t["1"] = "string one"
print(t[1], t["1"], #t)
t[2^53] = "big"
print(t[2^53], t[2^53 + 1])
t[0.5] = "half"
print(t[0.5], t[1/2])
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. "=" .. v end
table.sort(keys)
print(table.concat(keys, " "))
