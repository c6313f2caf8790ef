local t = {10, 20, 30}
for i, v in ipairs(t) do print(i, v) end
local function range(n)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end
end
for i in range(3) do print(i) end
local function iter(s, c) if c < s then return c + 1, c * c end end
for a, b in iter, 3, 0 do print(a, b) end
for k, v in next, {x = 1} do print(k, v) end
local ok, err = pcall(function() for x in 5 do end end)
print(ok, err)
for a, b, c, d in function(s, c) if not c then return 1, 2, 3, 4 end end do print(a, b, c, d) end
local t2 = {1, 2, nil, 4}
for i, v in ipairs(t2) do print("ip", i, v) end
local sum = 0
for _, v in pairs({1, 2, 3, 4}) do sum = sum + v end
print(sum)
