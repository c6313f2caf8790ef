-- needs: string table
local names = {}
for k, v in pairs(string) do names[#names + 1] = k .. ":" .. type(v) end
table.sort(names)
print(table.concat(names, " "))
print(string.gfind == nil, type(string.gmatch))
local saved = string.upper
string.upper = function(s) return "patched " .. s end
print(("x"):upper(), string.upper("y"))
string.upper = saved
print(("x"):upper())
local s = string
string = nil
print(("still"):upper(), pcall(function() return string.upper("x") end))
string = s
