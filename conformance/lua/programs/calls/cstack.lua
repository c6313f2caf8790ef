local depth = 0
local function nest(n)
  depth = n
  local ok, e = pcall(nest, n + 1)
  if not ok then error(e, 0) end
end
print(pcall(nest, 1))
print(depth)
local d2 = 0
local function viamt(n)
  d2 = n
  return setmetatable({}, {__index = function() return viamt(n + 1) end}).x
end
print(pcall(viamt, 1))
print(d2)
local d3 = 0
local function viasort(n) d3 = n local t = setmetatable({}, {__lt = function(a, b) return viasort(n + 1) end}) return t < t end
print(pcall(viasort, 1))
print(d3)
local d4 = 0
local function viaco(n)
  d4 = n
  local co = coroutine.create(viaco)
  local ok, e = coroutine.resume(co, n + 1)
  if not ok then error(e, 0) end
end
print(pcall(viaco, 1))
print(d4)
