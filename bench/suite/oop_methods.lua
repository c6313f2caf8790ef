-- Method calls through __index on small objects: every add creates a new two-field object,
-- len2 reads self.x and self.y.
local scale = tonumber(arg and arg[1]) or 1
local n = math.floor(1000000 * scale)

local Point = {}
Point.__index = Point
function Point.new(x, y) return setmetatable({x = x, y = y}, Point) end
function Point:add(o) return Point.new(self.x + o.x, self.y + o.y) end
function Point:len2() return self.x * self.x + self.y * self.y end
local acc = Point.new(0, 0)
local d = Point.new(1, 2)
local s = 0
for i = 1, n do
  acc = acc:add(d)
  s = s + acc:len2() % 3
end
print("checksum", acc.x, acc.y, s)
