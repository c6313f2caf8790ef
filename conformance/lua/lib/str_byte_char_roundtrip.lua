local all = {}
for i = 0, 255 do all[#all + 1] = i end
local s = string.char(unpack(all))
print(#s, s:byte(1), s:byte(256), s:byte(129))
local back = {s:byte(1, -1)}
print(#back, back[1], back[256])
