-- needs: string
local up = 42
local function useup() return up end
local f = loadstring(string.dump(useup))
print(pcall(f))
print(debug.getupvalue(f, 1))
local function setsup() up = 1 return "set" end
print(pcall(loadstring(string.dump(setsup))))
local g = loadstring(string.dump(function() return type(x) end))
x = {}
print(g())
