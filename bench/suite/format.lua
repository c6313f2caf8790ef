-- string.format of numbers: %d, %5.2f, %.3f, %x, %g, %s of a number, %05d; tostring.
local scale = tonumber(arg and arg[1]) or 1
local n = math.floor(100000 * scale)

local len, h = 0, 0
local fmt = string.format
for i = 1, n do
  local x = i * 1.25
  local s = fmt("%d %5.2f %.3f %x", i, x, x / 3, i)
  local u = fmt("%g|%s|%05d", x, i, i % 1000)
  local v = tostring(x)
  len = len + #s + #u + #v
  h = (h * 31 + s:byte(-1) + u:byte(2) + v:byte(-1)) % 1000003
end
print("checksum", len, h)
