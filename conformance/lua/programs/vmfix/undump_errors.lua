-- needs: string
-- loadstring of broken binary chunks: "unexpected end" for data that ends early, "bad header"
-- for a full-length header that differs, and luaU_undump's chunk names
local d = string.dump(function(a, b) local t = {a, b, "s", 1.5} return t[1] + #t end)
for _, cut in ipairs{1, 2, 3, 6, 11, 12, 13, 20} do print(cut, loadstring(d:sub(1, cut), "=bin")) end
for _, cut in ipairs{1, 2, 5, 10} do print(-cut, loadstring(d:sub(1, #d - cut), "@file.lua")) end
for _, name in ipairs{"name", "=name", "@name", "\27x", "", "=", "@"} do
  print(string.format("%q", name), loadstring("\27", name))
  print(string.format("%q", name), loadstring("\27Lua12345678901234567890", name))
end
print(loadstring("\27"))
print(loadstring("\27Lua"))
print(loadstring("\27" .. string.rep("x", 11)))
print(loadstring("\27" .. string.rep("x", 10)))
local f = loadstring(d)
print(f(2, 3))
