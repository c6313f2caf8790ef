local function lvl3() error("deep error") end
local function lvl2() lvl3() end
local function lvl1() lvl2() end
print(xpcall(lvl1, debug.traceback))
print(xpcall(function() local t = {} t.x.y = 1 end, debug.traceback))
local function handler(m) return debug.traceback("H: " .. m, 2) end
print(xpcall(lvl1, handler))
print(xpcall(lvl1, function(m) return debug.traceback(m, 1) end))
local okt, et = xpcall(function() error({}) end, debug.traceback)
print(okt, type(et))
