-- Library benchmark rep_reverse (generated from lua/stdlib/bench_test.go).

function run(n)
  for i = 1, n do
    local r = string.rep("ab", 20):reverse()
  end
end
run(2500000)
print("ok")
