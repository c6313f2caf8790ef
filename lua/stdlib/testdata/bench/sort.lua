-- Library benchmark sort (generated from lua/stdlib/bench_test.go).
local src = {} for k = 1, 200 do src[k] = (k * 7919) % 1009 end local t = {}
function run(n)
  for i = 1, n do
    for k = 1, 200 do t[k] = src[k] end table.sort(t)
  end
end
run(20000)
print("ok")
