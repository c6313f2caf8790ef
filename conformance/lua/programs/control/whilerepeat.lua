local i = 0
while i < 5 do i = i + 1 end
print(i)
repeat i = i - 1 until i == 0
print(i)
local n = 0
while true do
  n = n + 1
  if n > 10 then break end
end
print(n)
repeat local x = n; n = n - 1 until x < 5
print(n)
local out = ""
for a = 1, 3 do
  for b = 1, 3 do
    if b > a then break end
    out = out .. a .. b .. " "
  end
end
print(out)
local k = 0
while k < 10 do
  k = k + 1
  if k % 2 == 0 then
  else
    out = out .. k
  end
end
print(out)
do local z = 1; print(z) end
if true then local z = 2 print(z) end
