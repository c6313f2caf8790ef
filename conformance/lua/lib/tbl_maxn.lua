print(table.maxn({}), table.maxn({1, 2, 3}), table.maxn({[10] = 1, [2.5] = 2, x = 3}), table.maxn({[-1] = 1}))
print(pcall(table.maxn))
local t = {1, 2, 3}
t[100] = true
t[3] = nil
print(table.maxn(t))
