local log = {}
local function L(tag, v) log[#log + 1] = tag return v end
local t = {}
t[L("k1", 1)], t[L("k2", 2)] = L("v1", "a"), L("v2", "b")
print(table.concat(log, " "))
log = {}
local a, b, c = L("1", 1), L("2", 2), L("3", 3)
print(table.concat(log, " "), a, b, c)
log = {}
local r = L("l", 1) + L("r", 2) * L("x", 3)
print(table.concat(log, " "), r)
log = {}
local s = L("a", "a") .. L("b", "b") .. L("c", "c")
print(table.concat(log, " "), s)
log = {}
local f = L("fn", function(...) return select("#", ...) end)(L("arg1", 1), L("arg2", 2))
print(table.concat(log, " "), f)
log = {}
local cmp = L("lhs", 1) < L("rhs", 2)
print(table.concat(log, " "), cmp)
