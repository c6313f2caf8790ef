local env = {print = print, tostring = tostring}
local function setter(level, e) setfenv(level, e) end
local function target()
  setter(2, env)
  y = "in env"
  return y
end
print(target(), y, env.y)
local getfenv, rawget = getfenv, rawget
local function deep()
  local function mid() setfenv(2, {print = print}) end
  mid()
  z = 1
  return rawget(getfenv(1), "z")
end
print(deep(), z)
print(pcall(setfenv, 1, {}))
local ok = pcall(function() setfenv(1, {}) end)
print("after setfenv(1) in pcall", ok, type(print))
