-- Library benchmark find_plain (generated from lua/stdlib/bench_test.go).
local s = string.rep("x", 200) .. "needle" .. string.rep("y", 50)
function run(n)
  for i = 1, n do
    local a, b = string.find(s, "needle", 1, true)
  end
end
run(10000000)
print("ok")
