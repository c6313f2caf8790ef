-- needs: string
local function outer(n)
  local function inner(m) return n * m end
  local t = {}
  for i = 1, 3 do t[i] = function() return i + n end end
  return inner(2), t[1](), t[3]()
end
local f = loadstring(string.dump(outer))
print(f(5))
local function rec(n) if n <= 1 then return 1 end return n * rec(n - 1) end
print(pcall(loadstring(string.dump(rec)), 5))
local fact
fact = function(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(pcall(loadstring(string.dump(fact)), 5))
local function selfref(n) local function r(k) if k == 0 then return "done" end return r(k - 1) end return r(n) end
print(loadstring(string.dump(selfref))(10))
