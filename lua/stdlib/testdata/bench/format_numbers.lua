-- Library benchmark format_numbers (generated from lua/stdlib/bench_test.go).

function run(n)
  for i = 1, n do
    local s = string.format("%d %5.2f %g", i, i / 3, i * 1.5)
  end
end
run(800000)
print("ok")
