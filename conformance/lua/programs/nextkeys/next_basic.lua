-- needs: table
print(next({}))
print(next({}, nil))
print(next({10}))
print(next({10}, 1))
local t = {1, 2, 3}
local k, v = next(t)
local out = {}
while k do out[#out + 1] = k .. "=" .. v k, v = next(t, k) end
print(table.concat(out, " "))
print(select("#", next({})))
print(type(pairs({})))
local f, s, c = pairs({})
print(type(f), c)
local f2, s2, c2 = ipairs({})
print(type(f2), c2)
