-- Library benchmark gmatch_words (generated from lua/stdlib/bench_test.go).
local s = "the quick brown fox jumps over the lazy dog again and again"
function run(n)
  for i = 1, n do
    local n = 0 for w in string.gmatch(s, "%a+") do n = n + 1 end
  end
end
run(400000)
print("ok")
