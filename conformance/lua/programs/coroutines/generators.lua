local function gen(n)
  return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end)
end
local s = 0
for v in gen(10) do s = s + v end
print(s)
local function perm(a, n, out)
  n = n or #a
  if n <= 1 then coroutine.yield(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      perm(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local count = 0
for p in coroutine.wrap(function() perm({1, 2, 3, 4}) end) do count = count + 1 end
print(count)
local function filter(pred, g) return coroutine.wrap(function() for v in g do if pred(v) then coroutine.yield(v) end end end) end
local out = ""
for v in filter(function(x) return x % 3 == 0 end, gen(20)) do out = out .. v .. " " end
print(out)
local prod = coroutine.create(function() for i = 1, 3 do coroutine.yield("item" .. i) end return "fin" end)
while true do
  local ok, v = coroutine.resume(prod)
  print(ok, v, coroutine.status(prod))
  if coroutine.status(prod) == "dead" then break end
end
