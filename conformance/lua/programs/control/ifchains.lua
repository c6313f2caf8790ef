local function classify(x)
  if x < 0 then return "neg"
  elseif x == 0 then return "zero"
  elseif x < 10 then return "small"
  elseif x < 100 then return "medium"
  else return "large" end
end
for _, v in ipairs({-5, 0, 5, 50, 500}) do print(v, classify(v)) end
local function t(a, b)
  if a and b then return 1 elseif a or b then return 2 else return 3 end
end
print(t(true, true), t(true, nil), t(nil, 1), t(nil, false))
local x = 5
if x == 5 then x = 6 end
if not (x == 5) then print("not five") end
if x ~= 6 then print("bad") else print("six") end
if nil then elseif nil then else print("else") end
