-- Library benchmark format_string (generated from lua/stdlib/bench_test.go).

function run(n)
  for i = 1, n do
    local s = string.format("%s=%s;", "key", "value")
  end
end
run(3000000)
print("ok")
