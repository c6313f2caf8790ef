local a, b, c = 1, 2, 3
local function swap() a, b, c = c, a, b end
swap()
print(a, b, c)
local t = {}
local function setf(k, v) t[k] = v end
setf("x", 1)
print(t.x)
local up = 0
local function addmany(...)
  for _, v in ipairs({...}) do up = up + v end
  return up
end
print(addmany(1, 2, 3), addmany(4))
local function mk()
  local v
  return function(x) if x then v = x end return v end
end
local f = mk()
print(f(), f(5), f(), f(false), f())
