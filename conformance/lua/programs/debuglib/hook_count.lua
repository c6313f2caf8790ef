local count = 0
debug.sethook(function(ev) count = count + 1 end, "", 100)
local s = 0
for i = 1, 10000 do s = s + i end
debug.sethook()
print(s, count > 0)
local f, mask, n = debug.gethook()
print(f, mask, n)
local evs = {}
debug.sethook(function(ev) evs[ev] = (evs[ev] or 0) + 1 end, "", 1)
local x = 1
x = x + 1
debug.sethook()
print(evs.count ~= nil, evs.line)
local h = function() end
debug.sethook(h, "crl", 7)
local g, m, c = debug.gethook()
debug.sethook()
print(g == h, m, c)
