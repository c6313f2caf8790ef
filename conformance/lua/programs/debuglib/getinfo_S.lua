local function show(i)
  print(i.source, i.short_src, i.what, i.linedefined, i.lastlinedefined)
end
local function f()
  return 1
end
show(debug.getinfo(f, "S"))
show(debug.getinfo(print, "S"))
show(debug.getinfo(1, "S"))
local g = loadstring("return 1", "=custom")
show(debug.getinfo(g, "S"))
local h = loadstring("\n\nlocal function x()\nend\nreturn x", "chunk text")()
show(debug.getinfo(h, "S"))
local long = loadstring("return function() end", string.rep("x", 100))()
show(debug.getinfo(long, "S"))
local at = loadstring("return function() end", "@" .. string.rep("dir/", 30) .. "file.lua")()
show(debug.getinfo(at, "S"))
local nl = loadstring("return function() end", "first line\nsecond line")()
show(debug.getinfo(nl, "S"))
