local co = coroutine.create(function(x)
  local function step(v) return coroutine.yield(v) end
  local a = step(x)
  local b = step(a + 1)
  return a + b
end)
print(coroutine.resume(co, 1))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 20))
local co2 = coroutine.create(function(...) return coroutine.yield(...) end)
print(coroutine.resume(co2, "a", "b"))
print(coroutine.resume(co2, "c"))
local co3 = coroutine.wrap(function() local t = {} for i = 1, 3 do t[i] = coroutine.yield(i) end return t[1] .. t[2] .. t[3] end)
print(co3(), co3("x"), co3("y"), co3("z"))
local co4 = coroutine.create(function() local s = 0 for i = 1, 5 do s = s + (coroutine.yield(s) or 0) end return s end)
for i = 1, 7 do print(coroutine.resume(co4, i)) end
