local a, b, c = 1, 2, 3
local function f() return a + b end
local function g() return a + b + c end
local function h() end
print(debug.getinfo(f, "u").nups, debug.getinfo(g, "u").nups, debug.getinfo(h, "u").nups)
print(debug.getinfo(print, "u").nups)
print(debug.getinfo(f, "f").func == f, debug.getinfo(1, "f").func ~= nil)
local function lvl() return debug.getinfo(1, "f").func end
print(lvl() == lvl)
local keys = {}
for k in pairs(debug.getinfo(f)) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
keys = {}
for k in pairs(debug.getinfo(f, "")) do keys[#keys + 1] = k end
print(#keys)
print(pcall(debug.getinfo, f, "S") == true)
print(pcall(debug.getinfo, 1, "q"))
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo))
print(debug.getinfo(100))
