-- needs: string
local src = loadstring("local a = ...\nreturn debug.getinfo(1, 'S').source, a", "=origname")
local f = loadstring(string.dump(src), "=newname")
print(f(7))
print(src(8))
local g = loadstring(string.dump(src))
print(g(9))
local h = loadstring("error('e')", "@file.lua")
print(pcall(loadstring(string.dump(h))))
