-- Count hooks count every instruction as PUC's luaV_execute does, also the instructions of the
-- hook function itself (the count runs down while hooks are disabled and restarts at zero).
local function run(count, body)
  local n = 0
  debug.sethook(function() n = n + 1 end, "", count)
  body()
  debug.sethook()
  return n
end
for _, c in ipairs({1, 2, 3, 4, 5, 7, 10, 100}) do
  print(c, run(c, function() for i = 1, 200 do local x = i * 2 end end),
    run(c, function() local t = {} for i = 1, 50 do t[i] = i end return #t end),
    run(c, function() local s = 0 local i = 0 while i < 30 do i = i + 1 s = s + i end end))
end
-- a hook that runs many instructions itself
local n = 0
debug.sethook(function() for i = 1, 5 do n = n + 1 end end, "", 4)
for i = 1, 100 do local y = i + 1 end
debug.sethook()
print("long hook", n)
-- count and line hooks together
local events = {}
debug.sethook(function(e, l) events[#events + 1] = e .. (l and (":" .. l) or "") end, "l", 2)
local a = 1
local b = a + 1
local c = b + 1
debug.sethook()
print(table.concat(events, " "))
-- count hook inside a coroutine (hooks are per thread)
local co = coroutine.create(function()
  local k = 0
  debug.sethook(function() k = k + 1 end, "", 2)
  for i = 1, 20 do local z = i end
  debug.sethook()
  return k
end)
print(coroutine.resume(co))
-- an error raised by a count hook stops a loop
local hits = 0
print(pcall(function()
  debug.sethook(function() hits = hits + 1 if hits == 3 then error("stop") end end, "", 5)
  local i = 0
  while true do i = i + 1 end
end))
debug.sethook()
print(hits)
