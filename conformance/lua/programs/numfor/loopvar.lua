-- needs: table
local buf = {}
local function W(...) for i = 1, select("#", ...) do buf[#buf + 1] = tostring((select(i, ...))) end end
local function F() print(table.concat(buf)) buf = {} end
for i = 1, 3 do
  local j = i
  i = i * 10
  W(j, "->", i, " ")
end
F()
local fs = {}
for i = 1, 3 do fs[#fs + 1] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local limit = 3
local n = 0
for i = 1, limit do limit = 10 n = n + 1 end
print(n, limit)
local step = 1
n = 0
for i = 1, 5, step do step = 2 n = n + 1 end
print(n)
print(i)
