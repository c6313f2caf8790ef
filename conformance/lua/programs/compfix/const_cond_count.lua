-- constant conditions are tested like any value in Lua 5.1.5 (no "always jump" shortcut):
-- a count hook with count 1 sees every instruction PUC generates for them
local function count(f)
  local n = 0
  debug.sethook(function() n = n + 1 end, "", 1)
  f()
  debug.sethook()
  return n
end
local function inc() return 1 end
local x
print(count(function() x = false and inc() end))
print(count(function() x = nil and inc() end))
print(count(function() x = true or inc() end))
print(count(function() x = 1 or inc() end))
print(count(function() x = "s" and inc() end))
print(count(function() if nil then x = 1 end end))
print(count(function() if false then x = 1 elseif nil then x = 2 else x = 3 end end))
print(count(function() if true then x = 1 end end))
print(count(function() while false do x = 1 end end))
print(count(function() repeat x = 1 until true end))
print(count(function() x = not nil end))
print(count(function() x = (false or nil) and 1 end))
print(count(function() local a = false if a and inc() then x = 1 end end))
print(count(function() x = 1 == 1 end))
print(count(function() x = (nil == false) or inc() end))
