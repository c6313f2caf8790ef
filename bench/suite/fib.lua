-- fib(32), recursive: Lua-to-Lua calls and returns, comparisons, additions.
local scale = tonumber(arg and arg[1]) or 1
local n = scale < 1 and 20 or 32

local function fib(k)
  if k < 2 then return k end
  return fib(k - 1) + fib(k - 2)
end

print("checksum", fib(n))
