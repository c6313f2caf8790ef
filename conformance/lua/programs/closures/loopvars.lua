local fs = {}
for i = 1, 5 do fs[i] = function() return i end end
print(fs[1](), fs[3](), fs[5]())
local gs = {}
for _, v in ipairs({"a", "b", "c"}) do gs[#gs + 1] = function() return v end end
print(gs[1](), gs[2](), gs[3]())
local hs = {}
local j = 0
while j < 3 do
  j = j + 1
  local k = j * 10
  hs[j] = function() k = k + 1; return k end
end
print(hs[1](), hs[1](), hs[2](), hs[3]())
local rs = {}
local n = 0
repeat
  local m = n
  rs[#rs + 1] = function() return m end
  n = n + 1
until m >= 3
print(#rs, rs[1](), rs[4]())
local bs = {}
for i = 1, 10 do
  local x = i
  bs[i] = function() return x end
  if i == 4 then break end
end
print(#bs, bs[4]())
