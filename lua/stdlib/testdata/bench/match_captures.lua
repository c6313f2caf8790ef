-- Library benchmark match_captures (generated from lua/stdlib/bench_test.go).
local line = "user:1234:profile:settings"
function run(n)
  for i = 1, n do
    local a, b, c = string.match(line, "^(%a+):(%d+):(.*)$")
  end
end
run(2500000)
print("ok")
