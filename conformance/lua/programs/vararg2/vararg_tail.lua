local function rest(n, ...)
  if n == 0 then return select("#", ...) end
  return rest(n - 1, n, ...)
end
print(rest(10))
print(rest(100))
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...)) end
  return s
end
print(sum(1, 2, 3, 4, 5), sum())
local function build(n) local t = {} for i = 1, n do t[i] = i end return unpack(t) end
print(select("#", build(200)), sum(build(200)))
print(pcall(function(...) return select("#", ...) end, build(50)))
