-- Method calls through __index on small objects.
local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:add(o) return Point.new(self.x + o.x, self.y + o.y) end
function Point:len2() return self.x * self.x + self.y * self.y end
local acc = Point.new(0, 0)
local d = Point.new(1, 2)
local s = 0
for i = 1, 1000000 do
  acc = acc:add(d)
  s = s + acc:len2() % 3
end
print(acc.x, acc.y, s)
