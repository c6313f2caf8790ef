local function f(...)
  print(type(arg), arg.n, #arg)
  for i = 1, arg.n do print(i, arg[i]) end
end
f(1, nil, "three")
f()
local function g(...)
  local x = ...
  return arg
end
print(g(1, 2))
local function h(...) arg = "replaced" return arg end
print(h(1))
local function uses_arg_name(arg) return arg end
print(uses_arg_name(5))
