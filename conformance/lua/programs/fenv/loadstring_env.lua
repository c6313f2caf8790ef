local chunk = loadstring("x = (x or 0) + 1; return x")
local e = {}
setfenv(chunk, e)
print(chunk(), chunk(), e.x, x)
local fn = loadstring("return function() return getfenv(1) end")
local env2 = {getfenv = getfenv}
setfenv(fn, env2)
local inner = fn()
print(inner() == env2)
local defs = loadstring("function gfun() return 'defined' end")
local e3 = {}
setfenv(defs, e3)
defs()
print(type(gfun), type(e3.gfun), e3.gfun())
