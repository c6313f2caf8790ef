-- needs: string
-- messages of loadstring on broken binary chunks (truncated dumps, bare signatures)
local d = string.dump(function(a) local t = {a, "s", 1.5} return t[1] end)
for _, cut in ipairs{1, 2, 4, 5} do print(cut, loadstring(d:sub(1, cut), "=bin")) end
print(loadstring(d:sub(1, #d - 1), "=bin"))
print(loadstring(d:sub(1, #d - 10), "@file"))
print(loadstring(d:sub(1, math.floor(#d / 2)), "bin"))
