-- Library benchmark upper_sub_byte (generated from lua/stdlib/bench_test.go).
local s = "Hello, World"
function run(n)
  for i = 1, n do
    local r = s:upper() local c = s:sub(2, 5) local b = s:byte(3)
  end
end
run(4000000)
print("ok")
