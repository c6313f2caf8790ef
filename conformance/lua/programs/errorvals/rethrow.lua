local function risky(n)
  if n > 2 then error({n = n}) end
  return n
end
local function wrapper(n)
  local ok, e = pcall(risky, n)
  if not ok then error(e, 0) end
  return e
end
for i = 1, 4 do
  local ok, e = pcall(wrapper, i)
  print(i, ok, type(e) == "table" and "table n=" .. e.n or e)
end
local ok, e = pcall(function()
  local ok2, e2 = pcall(error, "inner msg")
  error(e2, 0)
end)
print(ok, e)
local ok3, e3 = pcall(function()
  local ok4, e4 = pcall(error, "inner msg")
  error(e4)
end)
print(ok3, e3)
