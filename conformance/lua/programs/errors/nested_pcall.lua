print(pcall(pcall, error, "x"))
print(pcall(function()
  local ok, e = pcall(error, "inner")
  error("outer after " .. e, 0)
end))
local function f(n) if n == 0 then error("bottom") end local ok, e = pcall(f, n - 1) return "level" .. n .. ":" .. tostring(e) end
print(f(3))
local t = {}
for i = 1, 5 do t[i] = select(2, pcall(error, i)) end
print(t[1], t[5])
print(pcall(pcall))
print(pcall(pcall, pcall, pcall, error, "deep"))
local ok, err = pcall(function() local x = {} ; return x + (function() error("first") end)() end)
print(ok, err)
