-- needs: table
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {10, 20, 30, a = 1, b = 2, [4] = 40, [6] = 60, c = 3, [true] = "t", [2.5] = "f"}
print(dump(t))
t[5] = 50
print(dump(t))
t.d = 4 t.e = 5 t.f = 6
print(dump(t))
local u = {[1] = "a", [2] = "b", [3] = "c", "x", "y"}
print(dump(u))
