-- getinfo on a tail-call level: name and namewhat are empty strings
local function probe() local i = debug.getinfo(2, "nS") return i end
local function viatail() return probe() end
local i = viatail()
print(i.what, type(i.name), i.name, type(i.namewhat), i.namewhat)
print(i.source, i.short_src, i.linedefined, i.lastlinedefined)
local function show() local j = debug.getinfo(2, "n") return type(j.name), j.namewhat end
local function tail() return show() end
print(tail())
