-- PUC Lua 5.1 on Linux uses glibc's rand(): the sequences are reproducible
local out = {}
for i = 1, 5 do out[#out + 1] = string.format("%.17g", math.random()) end
print(table.concat(out, " "))
for _, seed in ipairs({1, 0, 42, -1, 2^31, 123456789, 3.7}) do
  math.randomseed(seed)
  out = {}
  for i = 1, 4 do out[#out + 1] = string.format("%.17g", math.random()) end
  out[#out + 1] = math.random(10)
  out[#out + 1] = math.random(3, 8)
  out[#out + 1] = math.random(-100, 100)
  print(seed, table.concat(out, " "))
end
