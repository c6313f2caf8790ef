local function producer(m)
  return coroutine.create(function()
    for i = 1, m do coroutine.yield(i * 1) end
    return "done"
  end)
end
local function consumer(p)
  local out = {}
  while true do
    local ok, v = coroutine.resume(p)
    if not ok then out[#out + 1] = "err:" .. tostring(v) break end
    if coroutine.status(p) == "dead" then out[#out + 1] = tostring(v) break end
    out[#out + 1] = tostring(v)
  end
  return out
end
local res = consumer(producer(4))
local s = ""
for i = 1, #res do s = s .. res[i] .. " " end
print(s)
local gen = coroutine.wrap(function(a) while true do a = coroutine.yield(a * 2) end end)
print(gen(1), gen(2), gen(1))
