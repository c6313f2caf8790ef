-- needs: table
local t = {1, 2, nil, 4}
print(#t, table.getn(t), table.maxn(t), select("#", unpack(t)))
local u = {}
u[1], u[2], u[3], u[5] = 1, 2, 3, 5
print(#u, table.maxn(u))
table.insert(u, "x")
print(#u, u[4], u[5], u[6])
local v = {1, 2, 3}
v[#v + 1] = 4
v[#v] = nil
print(#v)
print(#{n = 3}, #{[0] = 1}, #{[-1] = 1, [1] = 1}, #{[1.5] = 1})
local ip = 0
for _ in ipairs({1, 2, nil, 4}) do ip = ip + 1 end
print(ip)
