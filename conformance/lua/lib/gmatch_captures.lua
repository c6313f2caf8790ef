for a, b in string.gmatch("k1=v1 k2=v2", "(%w+)=(%w+)") do print(a, b) end
for a, b, c in string.gmatch("1,2,3;4,5,6", "(%d),(%d),(%d)") do print(a + b + c) end
