local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
print(loop(100000, 0))
local function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
print(even(10001))
local function countdown(n) if n > 0 then return countdown(n - 1) end return "done" end
print(countdown(300000))
local t = setmetatable({}, {__call = function(self, n) if n == 0 then return "callable" end return self(n - 1) end})
print(t(50))
local function ret(...) return select('#', ...) end
local function tc(...) return ret(...) end
print(tc(1, 2, 3), tc())
