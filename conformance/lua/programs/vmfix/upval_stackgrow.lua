-- Open upvalues stay shared while the stack they point into grows (deep recursion, many
-- arguments, coroutines with their own stacks), and close with the right values.
local function deep(n, ...)
  if n == 0 then return select('#', ...) end
  return (deep(n - 1, n, ...))
end

local function maker()
  local a, b, c = 1, 2, 3
  local get = function() return a + b * 10 + c * 100 end
  local set = function(x, y, z) a, b, c = x, y, z end
  -- grow the stack while the three upvalues are open
  local n = deep(200)
  set(4, 5, 6)
  local before = get()
  local m = deep(3000, unpack({1, 2, 3, 4, 5, 6, 7, 8}))
  a = a + 1
  return get, set, before, n, m, get()
end
local get, set, before, n, m, after = maker()
print(before, n, m, after, get())
set(7, 8, 9)
print(get())

-- the same inside coroutines, interleaved
local function cobody(tag)
  local x = 0
  local inc = function() x = x + 1 return x end
  for i = 1, 3 do
    coroutine.yield(inc())
    deep(500 * i)
    inc()
  end
  return tag, x, inc()
end
local c1, c2 = coroutine.create(cobody), coroutine.create(cobody)
for i = 1, 5 do
  print(i, coroutine.resume(c1, "one"))
  print(i, coroutine.resume(c2, "two"))
end

-- loops: one fresh upvalue per iteration, closed at each iteration's end
local fs = {}
for i = 1, 5 do
  local j = i * 2
  fs[i] = function() j = j + 1 return i, j end
  if i == 3 then deep(1000) end
end
for i = 1, 5 do print(fs[i]()) end
print(fs[2](), fs[2]())

-- small tables built by constructors keep working after growing
local t = {x = 1, y = 2}
for i = 1, 20 do t["k" .. i] = i end
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = k .. "=" .. v end
print(table.concat(keys, " "))
local a = {1, 2}
for i = 3, 20 do a[i] = i end
a[1], a[2] = nil, nil
print(#a, a[3], a[20])
local h = {x = 1}
h.x = nil
h.y = 2
h.z = 3
for k, v in pairs(h) do print(k, v) end
