local function hook(ev, line)
  if line == 9 then error("hook says no") end
end
local function victim()
  local a = 1
  local b = 2
  local c = 3
  local d = 4
  return a + b + c + d
end
debug.sethook(hook, "l")
local ok, err = pcall(victim)
debug.sethook()
print(ok, err)
local n = 0
debug.sethook(function() n = n + 1 if n == 5 then error("count limit") end end, "", 10)
print(pcall(function() local i = 0 while true do i = i + 1 end end))
debug.sethook()
print(n >= 5)
