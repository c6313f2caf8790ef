-- needs: math
local function run(a, b, c)
  local n, last = 0, nil
  for i = a, b, c do n = n + 1 last = i if n > 20 then break end end
  print(a, b, c, n, last)
end
run(1, 1, 1)
run(1, 0, 1)
run(0, 1, -1)
run(1, 3, 1)
run(3, 1, -1)
run(1, 1.5, 1)
run(1.5, 1, -1)
run(2^53 - 2, 2^53, 1)
run(-2^53, -2^53 + 2, 1)
run(1, math.huge, 2^52)
run(math.huge, math.huge, 1)
run(-math.huge, -math.huge, -1)
run(0, -0, 1)
