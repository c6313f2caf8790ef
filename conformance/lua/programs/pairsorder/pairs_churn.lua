-- The collector marks the keys of nil entries dead, which changes where a re-inserted key goes;
-- with the collector stopped the layout depends only on the inserts and deletes.
collectgarbage("stop")
local function dump(t) local s = "" for k, v in pairs(t) do s = s .. tostring(k) .. " " end return s end
local t = {}
local seed = 12345
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n end
for step = 1, 400 do
  local k = "k" .. rnd(60)
  if rnd(3) == 0 then t[k] = nil else t[k] = step end
  if step % 40 == 0 then print(step, dump(t)) end
end
local u = {}
for step = 1, 400 do
  local k = rnd(80)
  if rnd(4) == 0 then u[k] = nil else u[k] = step end
  if step % 50 == 0 then print(step, dump(u)) end
end
