local proxy = {}
local log = {}
setmetatable(proxy, {
  __index = function(t, k) log[#log + 1] = "get " .. k return _G[k] end,
  __newindex = function(t, k, v) log[#log + 1] = "set " .. k rawset(t, k, v) end,
})
local f = loadstring("a = 1; b = a + 1; a = b; return a, b, c")
setfenv(f, proxy)
print(f())
for i, l in ipairs(log) do print(i, l) end
print(rawget(proxy, "a"), rawget(proxy, "b"), a)
