-- Patterns: string.find (plain and with captures), string.match, gsub with a string, a
-- function and a table replacement, gmatch over words and key=value pairs.
local scale = tonumber(arg and arg[1]) or 1
local n = math.floor(20000 * scale)

local text = "the quick brown fox jumps over the lazy dog; user=ann id=42 role=admin ts=1700000000"
local lookup = {quick = "slow", lazy = "busy"}
local count, len = 0, 0
for i = 1, n do
  local a, b = string.find(text, "fox", 1, true)
  local c, d, word = string.find(text, "(%a+)%s+dog")
  local id = string.match(text, "id=(%d+)")
  count = count + a + b + c + d + #word + tonumber(id)
  local r1, k1 = string.gsub(text, "o", "0")
  local r2 = string.gsub(text, "(%a+)", lookup)
  local r3 = string.gsub(text, "%d+", function(s) return #s end)
  len = len + #r1 + k1 + #r2 + #r3
  for w in string.gmatch(text, "%a+") do count = count + 1 end
  for k, v in string.gmatch(text, "(%w+)=(%w+)") do len = len + #k + #v end
end
print("checksum", count, len)
