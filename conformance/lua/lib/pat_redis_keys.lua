-- typical Redis script patterns
local key = "user:1234:profile"
print(string.match(key, "^user:(%d+):"))
print(string.gsub(key, ":", "/"))
print(string.find(key, ":", 1, true))
local parts = {}
for p in string.gmatch(key, "[^:]+") do parts[#parts + 1] = p end
print(#parts, parts[1], parts[2], parts[3])
