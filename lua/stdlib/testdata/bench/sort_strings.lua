-- Library benchmark sort_strings (generated from lua/stdlib/bench_test.go).
local src = {} for k = 1, 200 do src[k] = tostring((k * 7919) % 1009) end local t = {}
function run(n)
  for i = 1, n do
    for k = 1, 200 do t[k] = src[k] end table.sort(t)
  end
end
run(15000)
print("ok")
