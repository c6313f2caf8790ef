local function f()
  local x, y = 1, 2
  local function change() 
    print(debug.setlocal(2, 1, 10))
    print(debug.setlocal(2, 2, "twenty"))
    print(debug.setlocal(2, 99, 0))
  end
  change()
  return x, y
end
print(f())
local function callee()
  print(debug.getlocal(2, 1))
  debug.setlocal(2, 1, "changed by callee")
end
local function caller()
  local v = "original"
  callee()
  return v
end
print(caller())
print(pcall(debug.setlocal, 100, 1, 1))
print(pcall(debug.setlocal, 1, 1))
local co = coroutine.create(function(a) local b = a * 2 coroutine.yield() return a, b end)
coroutine.resume(co, 5)
print(debug.getlocal(co, 1, 1), debug.getlocal(co, 1, 2))
print(debug.setlocal(co, 1, 2, 99))
print(coroutine.resume(co))
