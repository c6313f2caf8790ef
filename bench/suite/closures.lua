-- Closures and upvalues: closure creation in a loop, calls through closures, shared upvalues
-- read and written by several closures.
local scale = tonumber(arg and arg[1]) or 1
local n = math.floor(1000000 * scale)

local function adder(k)
  return function(x) return x + k end
end

local function counter()
  local c = 0
  return function() c = c + 1 return c end, function() return c end
end

local sum = 0
for i = 1, n do
  local f = adder(i % 100)
  sum = sum + f(1)
end

local inc, get = counter()
for i = 1, 2 * n do inc() end
sum = sum + get()

local acc = 0
local function addacc(v) acc = acc + v end
for i = 1, n do addacc(i % 5) end
print("checksum", sum, acc)
