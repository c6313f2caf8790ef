-- needs: table
local log = {}
local ltonly = {__lt = function(a, b) log[#log + 1] = "lt(" .. a.n .. "," .. b.n .. ")" return a.n < b.n end}
local function mk(n, mt) return setmetatable({n = n}, mt) end
local a, b = mk(1, ltonly), mk(2, ltonly)
print(a <= b, b <= a, a >= b, a <= a)
print(table.concat(log, " "))
log = {}
local both = {
  __lt = function(a, b) log[#log + 1] = "lt" return a.n < b.n end,
  __le = function(a, b) log[#log + 1] = "le" return a.n <= b.n end,
}
local c, d = mk(1, both), mk(1, both)
print(c <= d, c >= d, c < d, c > d)
print(table.concat(log, " "))
local leonly = {__le = function(a, b) return true end}
local e, f = mk(1, leonly), mk(2, leonly)
print(e <= f, f >= e, pcall(function() return e < f end))
