local depth = 0
local out = {}
debug.sethook(function(ev)
  local i = debug.getinfo(2, "n")
  if ev == "call" then depth = depth + 1 else depth = depth - 1 end
  out[#out + 1] = string.rep(" ", depth) .. ev .. " " .. tostring(i and i.name)
end, "cr")
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
local r = fact(4)
debug.sethook()
print(r)
for _, l in ipairs(out) do print(l) end
