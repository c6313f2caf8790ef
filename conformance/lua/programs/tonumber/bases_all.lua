-- needs: string
local digits = "0123456789abcdefghijklmnopqrstuvwxyz"
for base = 2, 36 do
  local top = digits:sub(base, base)
  local s = top .. "0" .. top
  print(base, tonumber(s, base), tonumber(top:upper() .. "1", base), tonumber(digits:sub(base + 1, base + 1), base))
end
