-- Script-like mix: a short function the host calls 1e6 times (Go hosts call step from Go;
-- under the lua5.1 and luajit binaries the loop at the end calls it), each call doing a few
-- table and string operations, as a Redis script or a request handler does.
local scale = tonumber(arg and arg[1]) or 1
STEPS = math.floor(1000000 * scale)

local users = {}
for i = 1, 64 do users[i] = "user:" .. i end
local stats = {}
local total = 0

function step(i)
  local name = users[i % 64 + 1]
  local rec = stats[name]
  if rec == nil then
    rec = {hits = 0, last = ""}
    stats[name] = rec
  end
  rec.hits = rec.hits + 1
  local tag = string.sub(name, 6) .. "#" .. (i % 10)
  rec.last = tag
  total = total + #tag + rec.hits % 3
  return total
end

function finish()
  local hits = 0
  for _, name in ipairs(users) do hits = hits + stats[name].hits end
  print("checksum", total, hits, stats["user:7"].last)
end

if not HOSTED then
  for i = 1, STEPS do step(i) end
  finish()
end
