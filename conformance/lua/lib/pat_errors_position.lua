-- errors raised from Lua code carry the caller's position
local ok, err = pcall(function() return string.find("a", "[a") end)
print(ok, err)
ok, err = pcall(function() return ("a"):match("(") end)
print(ok, err)
ok, err = pcall(function() for x in string.gmatch("a", "%") do end end)
print(ok, err)
