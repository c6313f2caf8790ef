local function pass(...) return ... end
print(pass(1, nil, 3))
print(select("#", pass(nil, nil)))
local function count(...) local n = select("#", ...) return n end
print(count(pass()))
local function tbl(...) local t = {...} return #t, t[1], t[select("#", ...)] end
print(tbl("a", "b", "c"))
local function first(...) local a = ... return a end
print(first(9, 8, 7))
local function two(...) local a, b = ... return a, b end
print(two(1))
local function arg_table(...) return arg and arg.n, arg and #arg end
print(arg_table(1, 2, nil))
local function mixed(a, ...) return a, select("#", ...) end
print(mixed(), mixed(1), mixed(1, 2, 3))
local function nested(...)
  local function inner(...) return select("#", ...) end
  return inner(...), inner(..., "x"), inner("x", ...)
end
print(nested(1, 2))
