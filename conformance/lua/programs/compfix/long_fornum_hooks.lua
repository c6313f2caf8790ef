-- needs: string
-- line and call hooks over a numeric for loop longer than 32767 instructions, with a
-- multi-line header: the same events as PUC's
local body = string.rep("a = a + 1 ", 33000)
local src = "local a = 0\nfor i = 1,\n  3\ndo\n" .. body .. "\nif a > 1e9 then break end\nend\nreturn a"
local f = assert(loadstring(src, "=long"))
local events = {}
debug.sethook(function(e, l) events[#events + 1] = e .. ":" .. tostring(l) end, "l")
local r = f()
debug.sethook()
print(r, #events)
print(table.concat(events, " ", 1, math.min(#events, 40)))
src = "local a = 0\nfor i = 3, 1 do\n" .. body .. "\nend\nreturn a"
f = assert(loadstring(src, "=empty"))
events = {}
debug.sethook(function(e, l) events[#events + 1] = e .. ":" .. tostring(l) end, "l")
r = f()
debug.sethook()
print(r, table.concat(events, " "))
