-- needs: string
local mt = getmetatable("")
mt.__concat = function(a, b) return "never" end
print("a" .. "b", "a" .. 1, 1 .. "b", 1 .. 2)
mt.__concat = nil
mt.__len = function() return 99 end
print(#"abc", ("abc"):len())
mt.__len = nil
local t = setmetatable({}, {__concat = function(a, b)
  return (type(a) == "table" and "T" or a) .. "|" .. (type(b) == "table" and "T" or b)
end})
print("s" .. t, t .. "s", 1 .. t, t .. 2)
print("a" .. "b" .. t .. "c" .. "d")
print(pcall(function() return "a" .. {} end))
print(pcall(function() return "a" .. nil end))
print(pcall(function() return true .. "a" end))
