-- Library benchmark gsub (generated from lua/stdlib/bench_test.go).
local s = string.rep("hello world, lua 5.1 rules! ", 4)
function run(n)
  for i = 1, n do
    local r = string.gsub(s, "%w+", "<%0>")
  end
end
run(300000)
print("ok")
