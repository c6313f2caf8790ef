local function f(a, b, ...)
  local c = a + b
  local d
  do local inner = 1 end
  local i = 1
  while true do
    local name, value = debug.getlocal(1, i)
    if not name then break end
    print(i, name, type(value) == "table" and "table" or value)
    i = i + 1
  end
  return c
end
f(1, 2, 3, 4)
local function g()
  for k = 1, 1 do
    local i = 1
    while debug.getlocal(1, i) do
      print("for", i, (debug.getlocal(1, i)))
      i = i + 1
    end
  end
end
g()
print((debug.getlocal(1, 1)), type(select(2, debug.getlocal(1, 1))))
print(debug.getlocal(1, 100))
print(pcall(debug.getlocal, 100, 1))
print(pcall(debug.getlocal, 1))
print(pcall(debug.getlocal, print, 1))
