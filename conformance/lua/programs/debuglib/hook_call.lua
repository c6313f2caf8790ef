local log = {}
local function hook(ev)
  local i = debug.getinfo(2, "nS")
  log[#log + 1] = ev .. " " .. tostring(i.name) .. " " .. i.what
end
local function leaf() return 1 end
local function mid() local r = leaf() return r + 1 end
debug.sethook(hook, "cr")
mid()
debug.sethook()
for _, l in ipairs(log) do print(l) end
print(debug.gethook())
