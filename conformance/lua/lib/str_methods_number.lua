local n = 42
print(pcall(function() return n:rep(2) end))
