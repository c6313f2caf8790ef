local u = newproxy(true)
local mt = getmetatable(u)
local store = {}
mt.__index = store
mt.__newindex = function(_, k, v) store[k] = v and v * 2 end
mt.__len = function() local n = 0 for _ in pairs(store) do n = n + 1 end return n end
mt.__call = function(self, x) return "called with " .. tostring(x) end
mt.__tostring = function() return "<proxy>" end
mt.__concat = function(a, b) return "concat" end
mt.__unm = function() return "neg" end
u.a = 1
u.b = 2
print(u.a, u.b, #u, u(5), tostring(u), u .. "x", -u)
local t = {}
t[u] = "as key"
print(t[u])
print(type(next({[u] = 1})))
