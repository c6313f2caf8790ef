local function try(f) local ok, e = pcall(f) print(e) end
local obj = {}
try(function() obj:missing() end)
try(function() obj.inner:missing() end)
try(function() local o = {inner = {}} o.inner:deep() end)
try(function() local s = "abc" s:nothing() end)
try(function() local n = 3 n:method() end)
try(function() local b = false b:method() end)
try(function() undefinedobj:method() end)
try(function() local o = setmetatable({}, {__index = {}}) o:m() end)
try(function() local o = setmetatable({}, {__index = function() return 5 end}) o:m() end)
try(function() local o = {m = function(self) return self.x.y end} o:m() end)
