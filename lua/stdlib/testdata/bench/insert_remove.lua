-- Library benchmark insert_remove (generated from lua/stdlib/bench_test.go).
local t = {}
function run(n)
  for i = 1, n do
    for k = 1, 100 do table.insert(t, k) end for k = 1, 100 do table.remove(t) end
  end
end
run(50000)
print("ok")
