-- needs: string table
local t = {}
for _, v in ipairs({1, 1.5, -2, 1e15, 1e16, 1/3, 2^63, 0.1}) do t[#t + 1] = v .. "|" end
print(table.concat(t))
print(table.concat({1, 2.5, 1e100, -0}, ","))
print(("x"):rep(2) .. 10 .. 2.50)
print(1 .. 2 == "12", 1.0 .. "" == "1")
