local t = {1, 2, 3}
table.insert(t, 10, "far")
print(#t, t[10])
local u = {1, 2, 3}
table.insert(u, 0, "zero")
print(#u, u[0], u[1], u[2], u[3], u[4])
local v = {1, 2, 3}
table.insert(v, -1, "neg")
print(#v, v[-1])
