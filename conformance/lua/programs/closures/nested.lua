local function outer()
  local a = 1
  local function mid()
    local b = 2
    local function inner()
      a = a + 1; b = b + 1
      return a + b
    end
    return inner
  end
  return mid(), function() return a end
end
local inner, geta = outer()
print(inner(), inner(), geta())
local function make(n)
  if n == 0 then return function() return 0 end end
  local f = make(n - 1)
  return function() return n + f() end
end
print(make(10)())
local x = 10
local function f() return x end
x = 20
print(f())
do
  local y = 1
  function gety() return y end
  y = 2
end
print(gety())
local fns = {}
for i = 1, 3 do
  local function rec(k) if k <= 0 then return i end return rec(k - 1) end
  fns[i] = rec
end
print(fns[1](5), fns[3](2))
