local function try(f) local ok, e = pcall(f) print(e) end
local mt = {
  __index = function(t, k) return k.x end,
  __add = function(a, b) return a.missing.x end,
  __call = function(self, a) return a + {} end,
  __concat = function(a, b) return nil .. "" end,
  __eq = function() error("eq failed") end,
  __lt = function() error({code = 1}) end,
  __unm = function() local u; u() end,
}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
try(function() return a.key end)
try(function() return a + 1 end)
try(function() return a(1) end)
try(function() return a .. "x" end)
try(function() return a == b end)
try(function() local ok, e = pcall(function() return a < b end) return type(e) .. ":" .. e.code end)
print(pcall(function() local ok, e = pcall(function() return a < b end) error(type(e) .. ":" .. e.code) end))
try(function() return -a end)
