-- needs: string table
local buf = {}
local function W(...) for i = 1, select("#", ...) do buf[#buf + 1] = tostring((select(i, ...))) end end
local function F() print(table.concat(buf)) buf = {} end
for i = 0, 1, 0.25 do W(i, " ") end F()
for i = 1, 0, -0.25 do W(i, " ") end F()
for i = 0, 1, 0.1 do W(i, " ") end F()
local n = 0
for i = 0, 1, 0.1 do n = n + 1 end
print(n)
for i = 0.1, 0.35, 0.05 do W(string.format("%.17g", i), " ") end F()
for i = 1, 2, 0.3 do W(i, " ") end F()
for i = -1, -2, -0.5 do W(i, " ") end F()
