local function rec(n)
  if n == 0 then return debug.traceback("deep") end
  local r = rec(n - 1)
  return r
end
print(rec(30))
local t = {}
function t.method() return debug.traceback() end
print(t.method())
function globalfn() local s = debug.traceback("g") return s end
print(globalfn())
print(select(2, xpcall(function() error("boom") end, debug.traceback)))
local co = coroutine.create(function() local x = debug.traceback("co") coroutine.yield(x) end)
print(select(2, coroutine.resume(co)))
print(debug.traceback(co))
print(debug.traceback(co, "thread msg"))
print(debug.traceback(co, "lvl", 1))
