local function three() return 1, 2, 3 end
local function none() end
local a, b, c, d = three()
print(a, b, c, d)
a, b = none()
print(a, b)
a, b, c = 0, three()
print(a, b, c)
a, b, c = three(), 10
print(a, b, c)
local t = {three(), three()}
print(#t)
print(three(), (three()))
print(#{none()}, #{none(), 1})
print(math_nothing)
local s = "" for i, v in ipairs({three()}) do s = s .. v end print(s)
print(pcall(type))
