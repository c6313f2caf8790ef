local t = {10, 20, 30, a = 1}
print(next({}), rawget(t, 1), rawget(t, "a"), rawequal(t, t), rawequal(t, {}))
local k, v = next(t)
print(k, v)
k, v = next(t, k)
print(k, v)
print(pcall(next, t, "nokey"))
rawset(t, "b", 2)
print(t.b, rawget(t, "b"))
print(pcall(rawset, t, nil, 1))
print(pcall(rawset, t, 0/0, 1))
print(pcall(function() t[nil] = 1 end))
print(pcall(function() t[0/0] = 1 end))
print(t[nil], rawget(t, nil), t[0/0])
local count = 0
for k, v in next, t do count = count + 1 end
print(count)
print(select('#', next(t, nil)))
