-- Library benchmark insert_front (generated from lua/stdlib/bench_test.go).
local t = {}
function run(n)
  for i = 1, n do
    for k = 1, 20 do table.insert(t, 1, k) end for k = 1, 20 do table.remove(t, 1) end
  end
end
run(100000)
print("ok")
