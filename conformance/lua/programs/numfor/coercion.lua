-- needs: table
local buf = {}
local function W(...) for i = 1, select("#", ...) do buf[#buf + 1] = tostring((select(i, ...))) end end
local function F() print(table.concat(buf)) buf = {} end
for i = "1", "3" do W(i, ":", type(i), " ") end F()
for i = 1, "2", "0.5" do W(i, " ") end F()
for i = " 0x10 ", 17 do W(i, " ") end F()
print(pcall(function() for i = "a", 2 do end end))
print(pcall(function() for i = 1, {} do end end))
print(pcall(function() for i = 1, 2, nil do end end))
print(pcall(function() for i = nil, 2 do end end))
print(pcall(function() for i = 1, 2, "x" do end end))
