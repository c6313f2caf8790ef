-- needs: string
print(pcall(string.dump, print))
print(pcall(string.dump, 1))
print(pcall(string.dump))
print(pcall(string.dump, {}))
local co = coroutine.create(function() end)
print(pcall(string.dump, co))
local function boom() error("dumped error") end
local f = loadstring(string.dump(boom))
print(pcall(f))
local function rt() local t = nil return t.x end
print(pcall(loadstring(string.dump(rt))))
