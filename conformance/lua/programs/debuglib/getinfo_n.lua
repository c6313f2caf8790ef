local function show(level)
  local i = debug.getinfo(level + 1, "n")
  print(i.name, i.namewhat)
end
local function loc() show(1) end
loc()
function glob() show(1) end
glob()
local t = {}
function t.field() show(1) end
t.field()
function t:meth() show(1) end
t:meth()
local up = loc
local function viaup() up() end
viaup()
local mt = setmetatable({}, {__index = function() show(1) return 1 end,
  __add = function() show(1) return 2 end, __call = function() show(1) end})
local _ = mt.x
_ = mt + 1
mt()
print(pcall(show, 0))
local function tail() local i = debug.getinfo(2, "n") return i.namewhat end
print(tail())
