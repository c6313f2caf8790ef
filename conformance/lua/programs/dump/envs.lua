-- needs: string
local function getg() return gvar end
gvar = "global"
local f = loadstring(string.dump(getg))
print(f())
setfenv(f, {gvar = "private"})
print(f(), getg())
local function setg() newg = "made" end
local e = {}
local h = setfenv(loadstring(string.dump(setg)), e)
h()
print(e.newg, newg)
