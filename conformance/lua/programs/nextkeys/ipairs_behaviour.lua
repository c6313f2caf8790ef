local t = {1, 2, nil, 4}
for i, v in ipairs(t) do print(i, v) end
local mt = setmetatable({}, {__index = function(t, i) if i <= 3 then return i * 10 end end})
local n = 0
for i, v in ipairs(mt) do n = n + 1 end
print(n)
local f, s, i = ipairs({5, 6})
print(f(s, i))
print(f(s, 1))
print(f(s, 2))
print(pcall(f, nil, 0))
local grow = {1}
local c = 0
for i, v in ipairs(grow) do c = c + 1 if i < 5 then grow[i + 1] = v + 1 end end
print(c)
