local evs = {}
local function tailee() return "t" end
local function tailer() return tailee() end
debug.sethook(function(ev) evs[#evs + 1] = ev end, "cr")
tailer()
debug.sethook()
print(table.concat(evs, ","))
