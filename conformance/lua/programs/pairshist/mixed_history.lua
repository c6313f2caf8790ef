-- needs: table
collectgarbage("stop")
local function dump(t) local s = {} for k, v in pairs(t) do s[#s + 1] = tostring(k) .. "=" .. tostring(v) end return table.concat(s, " ") end
local t = {}
local seed = 42
local function rnd(n) seed = (seed * 16807) % 2147483647 return seed % n end
local pool = {}
for i = 1, 20 do pool[#pool + 1] = "s" .. i end
for i = 1, 20 do pool[#pool + 1] = i end
for i = 1, 10 do pool[#pool + 1] = i + 0.5 end
pool[#pool + 1] = true
pool[#pool + 1] = false
for step = 1, 600 do
  local k = pool[rnd(#pool) + 1]
  if rnd(4) == 0 then t[k] = nil else t[k] = step end
  if step % 100 == 0 then print(step, dump(t)) end
end
