-- Library benchmark find_pattern (generated from lua/stdlib/bench_test.go).
local s = "order 2024-01-15 shipped to 742 Evergreen Terrace"
function run(n)
  for i = 1, n do
    local a, b, y, m = string.find(s, "(%d+)-(%d+)")
  end
end
run(2000000)
print("ok")
