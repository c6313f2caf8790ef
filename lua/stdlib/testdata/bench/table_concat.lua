-- Library benchmark table_concat (generated from lua/stdlib/bench_test.go).
local t = {} for k = 1, 100 do t[k] = "item" .. k end
function run(n)
  for i = 1, n do
    local s = table.concat(t, ",")
  end
end
run(300000)
print("ok")
