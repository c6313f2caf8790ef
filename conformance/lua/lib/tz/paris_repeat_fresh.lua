-- TZ=Europe/Paris
-- The first os.time of a process inside the repeated hour, then the same time after a summer
-- and after a winter date, and with isdst given.
local function p(t) print(t, t and os.date("%H:%M:%S %Z", t)) end
p(os.time({year = 2024, month = 10, day = 27, hour = 2, min = 30}))
p(os.time({year = 2024, month = 7, day = 15, hour = 2, min = 30}))
p(os.time({year = 2024, month = 10, day = 27, hour = 2, min = 30}))
p(os.time({year = 2024, month = 1, day = 15, hour = 2, min = 30}))
p(os.time({year = 2024, month = 10, day = 27, hour = 2, min = 30}))
p(os.time({year = 2024, month = 10, day = 27, hour = 2, min = 30, isdst = true}))
p(os.time({year = 2024, month = 10, day = 27, hour = 2, min = 30}))
p(os.time({year = 2024, month = 10, day = 27, hour = 2, min = 30, isdst = false}))
p(os.time({year = 2024, month = 10, day = 27, hour = 2, min = 30}))
