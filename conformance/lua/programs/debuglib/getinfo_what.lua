local main = debug.getinfo(1, "S")
print(main.what, main.linedefined)
local function lua() return debug.getinfo(1, "S").what end
print(lua())
print(debug.getinfo(print, "S").what)
local function tailcaller() return debug.getinfo(1, "S").what end
print(tailcaller())
local t = {}
local function probe() local i = debug.getinfo(2, "Snl") return i end
local function viatail() return probe() end
local i = viatail()
print(i.what, i.short_src, i.currentline, i.namewhat)
local co = coroutine.wrap(function() return debug.getinfo(1, "S").what, debug.getinfo(2, "S") end)
print(co())
