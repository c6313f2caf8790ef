-- needs: table
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {}
local names = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"}
for i, n in ipairs(names) do t[n] = i end
print(dump(t))
for i = 1, #names, 2 do t[names[i]] = nil end
print(dump(t))
for i = #names, 1, -1 do t[names[i]] = -i end
print(dump(t))
for _, n in ipairs(names) do t[n] = nil end
print(dump(t))
for i = #names, 1, -1 do t[names[i]] = i end
print(dump(t))
t.extra1 = 1 t.extra2 = 2
print(dump(t))
