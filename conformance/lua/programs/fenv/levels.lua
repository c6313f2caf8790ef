local function show(tag, e) print(tag, e == _G, type(e)) end
show("0", getfenv(0))
show("1", getfenv(1))
show("none", getfenv())
local function inner()
  show("inner 1", getfenv(1))
  show("inner 2", getfenv(2))
  return getfenv(3)
end
local function outer() return inner() end
print(pcall(outer))
local function outer2() local e = inner() return e end
show("outer->3", outer2())
print(pcall(getfenv, 100))
print(pcall(getfenv, -1))
print(pcall(setfenv, 100, {}))
print(pcall(getfenv, "x"))
local ok15, e15 = pcall(getfenv, 1.5) print(ok15, e15 == _G)
