local co = coroutine.create(function(...)
  print("args", select("#", ...), ...)
  local r = {coroutine.yield()}
  print("resumed with", #r, unpack(r))
  r = {coroutine.yield(nil, nil)}
  print("again", select("#", unpack(r)))
  return ...
end)
print(coroutine.resume(co, 1, nil, 3))
print(coroutine.resume(co, "a", "b", "c"))
print(select("#", coroutine.resume(co)))
print(coroutine.status(co))
