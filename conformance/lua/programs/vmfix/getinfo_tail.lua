-- debug.getinfo on a level lost to a tail call (info_tailcall) and '>' in the options
local function probe() return debug.getinfo(2, "nSlufL") end
local function viatail() return probe() end
local i = viatail()
print(i.what, type(i.name), i.name, type(i.namewhat), i.namewhat, i.currentline, i.nups)
print(i.func, i.activelines, i.short_src, i.source, i.linedefined, i.lastlinedefined)
local function probe2() return debug.getinfo(2, "xyz") end
local function viatail2() return probe2() end
local j = viatail2()
print(type(j), j.what, j.name)
for _, o in ipairs{">S", "S>", ">", "S>l", "Sx", "n>f"} do
  print(o, pcall(debug.getinfo, print, o))
end
for _, o in ipairs{"S>", "l>", "Sx"} do
  print(o, pcall(debug.getinfo, 1, o))
end
local t = debug.getinfo(print, "S")
print(t.what, t.source, t.short_src)
