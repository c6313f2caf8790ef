local function id(...) return ... end
local function count(...) return select('#', ...) end
print(count(id()), count(id(1, 2)), count(id(nil, nil, nil)))
print(id(1, 2), id(3, 4))
print((id(1, 2)))
local t = {id(1, 2, 3), id(4, 5, 6)}
print(#t, t[1], t[2], t[4])
local function tail(...) return id(...) end
print(tail(7, 8, 9))
local function va(a, b, ...) return a, b, select('#', ...), ... end
print(va())
print(va(1))
print(va(1, 2, 3, 4))
local function packed(...) local p = {...} return #p, p[1], p[#p] end
print(packed(1, 2, 3))
local function oldarg(...) return arg.n, arg[1], arg[2] end
print(oldarg("x", "y"))
local function both(...) local a = ... return a, select('#', ...) end
print(both(5, 6, 7))
print(pcall(function(...) return ... end, 1, 2))
local function mixed(...) local a, b = ..., "last" return a, b end
print(mixed(1, 2, 3))
