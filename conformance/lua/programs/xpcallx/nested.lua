local function inner()
  return xpcall(function() error("inner") end, function(m) return "inner handled: " .. m end)
end
print(xpcall(function()
  print(inner())
  error("outer")
end, function(m) return "outer handled: " .. m end))
print(xpcall(function() return pcall(error, "p") end, print))
print(pcall(xpcall, function() error("x") end, function(m) error("handler fails") end))
local depth = 0
local function recurse()
  depth = depth + 1
  if depth < 50 then return xpcall(recurse, function(m) return m end) end
  error("bottom")
end
print(recurse())
