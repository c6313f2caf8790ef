-- Library benchmark tostring_number (generated from lua/stdlib/bench_test.go).

function run(n)
  for i = 1, n do
    local s = tostring(i + 0.5)
  end
end
run(1500000)
print("ok")
