-- needs: string
local function run(src, env)
  local f, err = loadstring(src, "=sandbox")
  if not f then return "compile: " .. err end
  setfenv(f, env)
  return select(2, pcall(f))
end
local safe = {print = print, tostring = tostring, string = {upper = string.upper}}
print(run("return tostring(1+1)", safe))
print(run("return os", safe))
print(run("return string.upper('x')", safe))
print(run("return string.rep('x', 3)", safe))
print(run("undefined_fn()", safe))
print(run("x = = 1", safe))
local readonly = setmetatable({}, {__index = safe, __newindex = function(t, k) error("attempt to set " .. k, 2) end})
print(run("y = 1", readonly))
print(run("return print == safe_print", readonly))
