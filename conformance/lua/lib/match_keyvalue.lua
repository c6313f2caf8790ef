for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do print(k, v) end
print(string.match("key=;key=v", "key=(%w*)"))
