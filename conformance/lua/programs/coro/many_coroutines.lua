local cos = {}
for i = 1, 100 do
  cos[i] = coroutine.create(function(n)
    local acc = 0
    for k = 1, n do acc = acc + coroutine.yield(acc) end
    return acc
  end)
end
for i = 1, 100 do coroutine.resume(cos[i], i % 7 + 1) end
local finished, total = 0, 0
for round = 1, 10 do
  for i = 1, 100 do
    if coroutine.status(cos[i]) == "suspended" then
      local ok, v = coroutine.resume(cos[i], round)
      if coroutine.status(cos[i]) == "dead" then finished = finished + 1 total = total + v end
    end
  end
end
print(finished, total)
