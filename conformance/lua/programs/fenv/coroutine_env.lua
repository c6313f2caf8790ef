local co = coroutine.create(function()
  local e = getfenv(0)
  coroutine.yield(e == _G)
  setfenv(0, {marker = "thread"})
  coroutine.yield("set")
  return "done"
end)
print(coroutine.resume(co))
print(coroutine.resume(co))
print(getfenv(0) == _G)
print(coroutine.resume(co))
print(pcall(getfenv, co))
local f = function() return 1 end
print(pcall(setfenv, co, {}))
