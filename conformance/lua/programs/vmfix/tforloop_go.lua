-- Generic for over Go iterators: yields across them, coroutine.wrap, ipairs, next, errors.
local co = coroutine.create(function()
  for x in coroutine.yield, nil, nil do print("got", x) end
  return "done"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, 1))
local co2 = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
for v in co2 do print("wrap", v) end
local t = setmetatable({}, {__index = function(t, k) return k * 2 end})
for i, v in ipairs({10, 20, 30}) do print(i, v) end
for k, v in next, {a = 1} do print(k, v) end
print(pcall(function() for x in error, "boom" do end end))
