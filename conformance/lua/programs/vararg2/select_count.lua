print(select("#"))
print(select("#", nil))
print(select("#", nil, nil))
print(select("#", 1, nil, 3, nil))
local function f(...) return select("#", ...) end
print(f(), f(nil), f(f()), f((f())), f(nil, nil, nil))
print(f(unpack({1, 2, 3})), f(unpack({1, nil, 3})), f(unpack({}, 1, 5)))
local function g() return end
local function h() return nil end
print(f(g()), f(h()), f(g(), g()), f(h(), h()))
print(select("#", select(2, 1, 2, 3)))
