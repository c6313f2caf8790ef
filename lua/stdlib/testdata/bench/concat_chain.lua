-- Library benchmark concat_chain (generated from lua/stdlib/bench_test.go).
local x = 3.25
function run(n)
  for i = 1, n do
    local s = "a" .. i .. "b" .. x .. "c" .. "d"
  end
end
run(1000000)
print("ok")
