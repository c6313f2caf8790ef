-- Library benchmark sort_comparator (generated from lua/stdlib/bench_test.go).
local src = {} for k = 1, 200 do src[k] = (k * 7919) % 1009 end local t = {} local cmp = function(a, b) return a > b end
function run(n)
  for i = 1, n do
    for k = 1, 200 do t[k] = src[k] end table.sort(t, cmp)
  end
end
run(8000)
print("ok")
