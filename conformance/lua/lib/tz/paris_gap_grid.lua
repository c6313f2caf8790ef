-- TZ=Europe/Paris
-- os.time around the spring-forward gap (2024-03-31, 02:00 CET becomes 03:00 CEST) and the
-- fall-back repeat (2024-10-27, 03:00 CEST becomes 02:00 CET), with isdst nil, true and false.
-- The answers for skipped and repeated times depend on the calls before (glibc's mktime
-- remembers the last UTC offset it found), so the order of the calls is part of the test.
local function show(t)
  if t == nil then return "nil" end
  local d = os.date("*t", t)
  return string.format("%d %s isdst=%s", t, os.date("%Y-%m-%d %H:%M:%S %Z %z", t), tostring(d.isdst))
end
for _, spec in ipairs({
  {2024, 3, 31, 1, 30}, {2024, 3, 31, 2, 0}, {2024, 3, 31, 2, 30}, {2024, 3, 31, 2, 59}, {2024, 3, 31, 3, 0}, {2024, 3, 31, 3, 30},
  {2024, 10, 27, 1, 30}, {2024, 10, 27, 2, 0}, {2024, 10, 27, 2, 30}, {2024, 10, 27, 2, 59}, {2024, 10, 27, 3, 0}, {2024, 10, 27, 3, 30},
  {2024, 7, 1, 12, 0}, {2024, 1, 1, 12, 0},
}) do
  for _, dst in ipairs({"nil", "true", "false"}) do
    local t = {year = spec[1], month = spec[2], day = spec[3], hour = spec[4], min = spec[5], sec = 0}
    if dst == "true" then t.isdst = true elseif dst == "false" then t.isdst = false end
    print(string.format("%04d-%02d-%02d %02d:%02d isdst=%s -> %s", spec[1], spec[2], spec[3], spec[4], spec[5], dst, show(os.time(t))))
  end
end
