-- needs: string
local function f()
  local a = 1
  error("line info")
end
local g = loadstring(string.dump(f))
print(pcall(g))
print(pcall(f))
local info = debug.getinfo(g, "S")
print(info.what, info.linedefined, info.lastlinedefined)
