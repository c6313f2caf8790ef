local function try(...)
  local ok, r = pcall(debug.getinfo, ...)
  print(ok, type(r) == "table" and "table" or r)
end
local function f() end
try(f, ">S")
try(f, "S>")
try(f, "x")
try(f, "nSluf")
try(f, "")
try(1, "x")
try(1, "Sq")
print(select("#", debug.getinfo(1, "Sl")))
