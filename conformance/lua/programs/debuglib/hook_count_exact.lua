local n = 0
debug.sethook(function() n = n + 1 end, "", 1)
local a = 1
local b = a + 2
local c = b * 3
debug.sethook()
print(n)
local m = 0
debug.sethook(function() m = m + 1 end, "", 3)
for i = 1, 100 do local x = i * 2 end
debug.sethook()
print(m)
local k = 0
debug.sethook(function() k = k + 1 if k == 2 then error("x") end end, "", 3)
print(pcall(function() local i = 0 while true do i = i + 1 end end))
debug.sethook()
print(k)
