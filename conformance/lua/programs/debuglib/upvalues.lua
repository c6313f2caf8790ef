local x, y = 10, "why"
local function f() return x, y end
print(debug.getupvalue(f, 1))
print(debug.getupvalue(f, 2))
print(debug.getupvalue(f, 3))
print(debug.setupvalue(f, 1, 11))
print(f(), x)
print(debug.setupvalue(f, 3, 0))
print(debug.getupvalue(print, 1))
print(debug.getupvalue(string.gmatch("a", "a"), 1) ~= nil)
print(pcall(debug.getupvalue, f))
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.setupvalue, f, 1))
local function counter()
  local n = 0
  return function() n = n + 1 return n end
end
local c1, c2 = counter(), counter()
c1() c1()
print(debug.getupvalue(c1, 1), debug.getupvalue(c2, 1))
debug.setupvalue(c2, 1, 100)
print(c2(), c1())
