-- needs: table
local function lines(f)
  local t = {}
  for l in pairs(debug.getinfo(f, "L").activelines) do t[#t + 1] = l end
  table.sort(t)
  return table.concat(t, ",")
end
local function f(x)
  local y = x + 1
  if y > 2 then
    return y
  end
  return 0
end
print(lines(f))
print(lines(function() end))
print(debug.getinfo(print, "L").activelines)
local g = loadstring("local a = 1\n\nlocal b = 2\nreturn a + b")
print(lines(g))
