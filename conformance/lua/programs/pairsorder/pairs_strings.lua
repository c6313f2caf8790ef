local function dump(t) local out = {} for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end return table_concat(out) end
function table_concat(a) local s = "" for i, x in ipairs(a) do if i > 1 then s = s .. " " end s = s .. x end return s end
local t = {}
local words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon"}
for i, w in ipairs(words) do t[w] = i; print(i, dump(t)) end
for i = 1, #words, 3 do t[words[i]] = nil end
print(dump(t))
for i = 1, #words, 2 do t[words[i] .. "2"] = i end
print(dump(t))
