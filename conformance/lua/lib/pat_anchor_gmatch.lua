-- gmatch does not treat ^ as an anchor in Lua 5.1
for m in string.gmatch("^a^a", "^a") do print(m) end
for m in string.gmatch("aaa", "^a") do print(m) end
