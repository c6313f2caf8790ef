local function maker()
  local n = 0
  local function inc() n = n + 1 counter = n return n end
  local function get() return counter end
  return inc, get
end
local inc, get = maker()
local env = {}
setfenv(inc, env)
inc() inc()
print(get(), env.counter, counter)
setfenv(get, env)
print(get())
local function nested()
  return function() return who end
end
who = "global"
local c1 = nested()
setfenv(nested, {who = "nested env"})
local c2 = nested()
print(c1(), c2())
print(getfenv(c2).who, getfenv(c1) == _G)
