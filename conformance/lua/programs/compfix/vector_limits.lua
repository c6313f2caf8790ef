-- needs: string table
-- limits PUC's parser hits when one of its vectors outgrows luaM_growvector's limit: 32767
-- local variable declarations per function, 262143 constants; the message has no position
-- (under pcall: outside it lua.c's traceback handler would append a traceback)
print(pcall(loadstring, string.rep("do local a end ", 32767)) and "ok")
print(pcall(loadstring, string.rep("do local a end ", 32768)))
print(pcall(loadstring, "local function f() " .. string.rep("do local a end ", 32768) .. " end"))
print(pcall(loadstring, string.rep("for i = 1, 0 do end ", 8192)))
print(pcall(loadstring, string.rep("for i = 1, 0 do end ", 8191) .. " local a, b, c, d"))
local t = {}
for i = 1, 262144 do t[i] = i + 0.5 end
print(pcall(loadstring, "return {" .. table.concat(t, ",") .. "}"))
print(pcall(loadstring, "return {" .. table.concat(t, ",", 1, 262143) .. "}") and "ok")
