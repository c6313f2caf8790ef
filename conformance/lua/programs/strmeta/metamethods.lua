-- needs: string
local mt = getmetatable("")
mt.__add = function(a, b) return a .. "+" .. b end
mt.__unm = function(a) return a:reverse() end
mt.__call = function(s, ...) return s .. "(" .. table.concat({...}, ",") .. ")" end
print(pcall(function() return "a" + "b" end))
print(pcall(function() return "1" + "2" end))
print(pcall(function() return "abc" + {} end))
print(-"abc", -"10")
print(("f")(1, 2, 3))
local f = "g"
print(f("x"))
mt.__add, mt.__unm, mt.__call = nil, nil, nil
print(pcall(function() return "a" + "b" end))
print(pcall(function() return ("f")() end))
