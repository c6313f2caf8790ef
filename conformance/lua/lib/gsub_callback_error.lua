print(pcall(string.gsub, "abc", "b", function() error("boom") end))
local ok, e = pcall(string.gsub, "abc", "b", function() error({}) end)
print(ok, type(e))
