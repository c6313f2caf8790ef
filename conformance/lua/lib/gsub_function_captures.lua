print(string.gsub("k1=v1, k2=v2", "(%w+)=(%w+)", function(k, v) return v .. "=" .. k end))
print(string.gsub("abc", "()(%w)", function(p, c) return p .. c end))
local count = 0
string.gsub("aaa", "a", function() count = count + 1 end)
print(count)
