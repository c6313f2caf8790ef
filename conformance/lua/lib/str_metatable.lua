print(("abc"):upper(), ("%d"):format(5), ("x"):rep(3))
local mt = getmetatable("")
print(type(mt), mt.__index == string)
print(("hello"):len(), #"hello")
