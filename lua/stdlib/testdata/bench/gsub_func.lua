-- Library benchmark gsub_func (generated from lua/stdlib/bench_test.go).
local s = string.rep("a1 b22 c333 ", 8) local f = function(w) return w end
function run(n)
  for i = 1, n do
    local r = string.gsub(s, "%d+", f)
  end
end
run(200000)
print("ok")
