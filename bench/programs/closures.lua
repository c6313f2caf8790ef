-- Creating and calling closures with upvalues.
local function make_adder(n)
  return function(x) return x + n end
end
local s = 0
for i = 1, 3000000 do
  local f = make_adder(i)
  s = s + f(1)
end
local counter = 0
local function inc() counter = counter + 1 end
for i = 1, 5000000 do inc() end
print(s, counter)
