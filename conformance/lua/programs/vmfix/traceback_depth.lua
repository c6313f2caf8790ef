local function f(n, t) if n == 0 then return debug.traceback("x", 1) end return (f(n - 1, t)) end
local function g(n) if n == 0 then return debug.traceback() end return g(n - 1) end
for _, n in ipairs({0, 5, 10, 11, 12, 20, 21, 22, 23, 24, 100}) do print(n, f(n)) print(g(n)) end
local co = coroutine.create(function(n) local function h(k) if k == 0 then coroutine.yield() else h(k-1) end end h(n) end)
coroutine.resume(co, 30)
print(debug.traceback(co))
print(debug.traceback(co, "m", 3))
function rec(n) if 0 then debug.traceback("") end if n > 300 then return debug.traceback("deep") end local r = rec(n+1) return r end
print(rec(0))
