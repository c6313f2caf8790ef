local function split(s, sep)
  local out = {}
  for field in string.gmatch(s .. sep, "(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = field end
  return out
end
local f = split("a,b,,c", ",")
print(#f, table.concat(f, "|"))
f = split("x.y.z", ".")
print(#f, table.concat(f, "|"))
