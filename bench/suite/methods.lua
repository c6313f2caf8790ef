-- Method calls through __index: a two-level class hierarchy of small objects, field reads and
-- writes through self, a method inherited from the base class.
local scale = tonumber(arg and arg[1]) or 1
local n = math.floor(1000000 * scale)

local Vec = {}
Vec.__index = Vec

function Vec.new(x, y)
  return setmetatable({x = x, y = y}, Vec)
end

function Vec:dot(o)
  return self.x * o.x + self.y * o.y
end

function Vec:scale(k)
  self.x = self.x * k
  self.y = self.y * k
end

local Particle = setmetatable({}, {__index = Vec})
Particle.__index = Particle

function Particle.new(x, y, m)
  local p = setmetatable({x = x, y = y, m = m}, Particle)
  return p
end

function Particle:energy()
  return self.m * self:dot(self)
end

local a = Vec.new(1, 2)
local p = Particle.new(3, 4, 2)
local sum = 0
for i = 1, n do
  sum = sum + a:dot(p) + p:energy() % 7
  p:scale(1)
  if i % 1000 == 0 then a = Vec.new(i % 10, 2) end
end
print("checksum", sum)
