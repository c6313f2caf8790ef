-- needs: math string table
local function f(...) return ... end
local t = {f(unpack({1, 2, 3}))}
print(#t)
print(f(unpack({1, 2}), unpack({3, 4})))
print(math.max(unpack({5, 9, 2})))
print(string.char(unpack({72, 105})))
local packed = {n = select("#", 1, nil, 3), 1, nil, 3}
print(packed.n, unpack(packed, 1, packed.n))
print(pcall(unpack))
print(table.unpack)
