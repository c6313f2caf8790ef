local function here() return debug.getinfo(2, "l").currentline end
print(here())
local function a()
  return debug.getinfo(1, "l").currentline,
         debug.getinfo(2, "l").currentline
end
print(a())
print(debug.getinfo(print, "l").currentline)
print(debug.getinfo(1, "l").currentline)
local function f() end
print(debug.getinfo(f, "l").currentline)
local co = coroutine.create(function()
  coroutine.yield()
end)
coroutine.resume(co)
print(debug.getinfo(co, 1, "l").currentline)
print(debug.getinfo(co, 0, "l").currentline)
