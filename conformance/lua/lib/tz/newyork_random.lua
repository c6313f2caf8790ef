-- TZ=America/New_York
-- Random os.time calls near New York's daylight saving changes (2024, the 2006-2007 rule change,
-- the 1974 winter change and 2037), with out-of-range hours and seconds, isdst nil,
-- true or false, in a fixed pseudo-random order.
local seed = 12345
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n end
local trans = {{2024,3,10},{2024,11,3},{2006,4,2},{2007,3,11},{1974,1,6},{2037,11,1}}
for i = 1, 400 do
  local d = trans[rnd(#trans) + 1]
  local t = {year = d[1], month = d[2], day = d[3] + rnd(3) - 1, hour = rnd(6), min = rnd(4) * 15 + rnd(2) * 29, sec = rnd(3) * 30 - rnd(2)}
  local k = rnd(3)
  if k == 1 then t.isdst = true elseif k == 2 then t.isdst = false end
  if rnd(10) == 0 then t.sec = rnd(200) - 100 end
  if rnd(10) == 0 then t.hour = rnd(50) - 10 end
  local r = os.time(t)
  print(i, r, r and os.date("%Y-%m-%d %H:%M:%S %Z", r))
end
