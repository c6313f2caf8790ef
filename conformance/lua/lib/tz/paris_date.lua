-- TZ=Europe/Paris
-- os.date every 15 minutes across both 2024 changes, local and UTC ('!'), as a table and as
-- text, and os.time of each date table back (the table carries isdst, so both 02:30s of the
-- repeated hour come back to themselves).
local function fields(d)
  return string.format("%04d-%02d-%02d %02d:%02d:%02d wday=%d yday=%d isdst=%s",
    d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, tostring(d.isdst))
end
for _, start in ipairs({1711843200 - 7200, 1729987200 - 7200}) do
  for t = start, start + 4 * 3600, 900 do
    local d = os.date("*t", t)
    print(t, fields(d), os.date("%c|%H %I %p %Z %z %j %U %W %V %G", t), os.date("!%c %Z", t), os.time(d) == t)
  end
end
local d = os.date("*t", 1729989000)
d.isdst = nil
print(os.time(d), os.date("!*t", 1729989000).isdst)
