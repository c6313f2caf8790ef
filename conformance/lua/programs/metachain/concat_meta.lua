-- needs: table
local mt = {}
mt.__concat = function(a, b)
  local av = type(a) == "table" and a.s or tostring(a)
  local bv = type(b) == "table" and b.s or tostring(b)
  return setmetatable({s = av .. bv}, mt)
end
local function S(s) return setmetatable({s = s}, mt) end
print((S("a") .. "b").s, ("a" .. S("b")).s, (S("a") .. S("b")).s)
print((S("x") .. 1 .. 2).s)
print(("p" .. "q" .. S("r") .. "s" .. "t").s)
print((1 .. S("n")).s)
local order = {}
local mt2 = {__concat = function(a, b) order[#order + 1] = (type(a) == "table" and "T" or a) .. "+" .. (type(b) == "table" and "T" or b) return "R" end}
local T = setmetatable({}, mt2)
local r = "a" .. "b" .. T .. "c" .. "d"
print(r, table.concat(order, " | "))
order = {}
r = T .. "x" .. T
print(r, table.concat(order, " | "))
print(pcall(function() return {} .. T end), pcall(function() return T .. true end))
