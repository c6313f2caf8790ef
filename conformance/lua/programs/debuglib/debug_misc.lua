local names = {}
for k, v in pairs(debug) do names[#names + 1] = k .. "=" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
local function f(...)
  local n = 1
  while true do
    local name, v = debug.getlocal(1, n)
    if not name then break end
    print(n, name, v)
    n = n + 1
  end
  return select("#", ...)
end
print(f(1, nil, 3))
local t = debug.getinfo(1, "nSl")
print(t.currentline, t.what, t.name)
