-- needs: string
local s = "text"
print(s.len == string.len, s.upper == string.upper)
print(pcall(function() return s.x.y end))
print(pcall(function() s.field = 1 end))
print(pcall(function() local n = 5 return n:foo() end))
print(pcall(function() return (5):len() end))
local mt = getmetatable("")
mt.__newindex = function(s, k, v) print("newindex", s, k, v) end
s.field = 1
mt.__newindex = nil
print(pcall(function() s.field = 2 end))
