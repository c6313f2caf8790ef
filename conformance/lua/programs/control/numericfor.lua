for i = 1, 3 do io_write = nil print(i) end
for i = 3, 1, -1 do print(i) end
for i = 1, 0 do print("never") end
for i = 1, 2, 0.5 do print(i) end
for i = 0.1, 0.5, 0.1 do print(i) end
for i = 10, 1, -3 do print(i) end
for i = 1, 3 do local j = i * 2; i = j print(i) end
for i = -5, -1, 2 do print(i) end
for i = "1", "3" do print(i, type(i)) end
print(pcall(function() for i = 1, "x" do end end))
print(pcall(function() for i = {}, 1 do end end))
print(pcall(function() for i = 1, 2, nil do end end))
local n = 0
for i = 1, 1e6 do n = n + i end
print(n)
for i = 1, 0/0 do print("nan") end
for i = 1, 1/0, 2^60 do print(i) if i > 1e19 then break end end
local cnt = 0 for i = 2^53, 2^53 + 2 do cnt = cnt + 1 if cnt > 5 then break end end print(cnt)
