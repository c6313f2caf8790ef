local function mk(p0, p1, p2, p3, p4, ...)
  local extra = select('#', ...)
  return function(...) return extra + select('#', ...), p0, p1, p2, p3, p4 end
end
local f = mk(0, 1, 2, 3, 4, 5, 6, 7)
print(f())
print(f(1, 2, 3))
local t = {f(nil)}
print(#t)
local cs = {}
for i = 1, 15 do
  local v = i * 3
  cs[i] = function(d) v = v + (d or 0) return v end
end
local s = 0
for i = 1, #cs do s = s + cs[i](i) end
print(s, cs[1](), cs[#cs]())
