local function three() return 1, 2, 3 end
local t = {three(), three()}
print(#t, t[1], t[2], t[4])
t = {three(), (three())}
print(#t)
t = {(three()), three(), 10}
print(#t, t[2], t[3])
print(three(), three())
print((three()))
print(three(), "end")
local a, b, c, d = three()
print(a, b, c, d)
local x, y = 0, three()
print(x, y)
local s = "" .. three()
print(s)
print(#{three(), nil})
print(#{nil, three()})
