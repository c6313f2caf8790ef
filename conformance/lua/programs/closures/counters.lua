local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
print(c1(), c1(), c2(), c1(), c2())
local function shared()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
local g, s = shared()
s(42); print(g())
s("x"); print(g())
