-- needs: string
print(tonumber("ffffffff", 16), tonumber("100000000", 16))
print(tonumber("7fffffffffffffff", 16), tonumber("ffffffffffffffff", 16))
print(tonumber("1" .. string.rep("0", 60), 2))
print(tonumber(string.rep("z", 12), 36))
print(tonumber("zzzzzzzzzzzzzzzzzzzz", 36))
print(tonumber("-80000000", 16), tonumber("-ffffffff", 16))
print(tonumber("11111111111111111111111111111111", 2))
print(tonumber(string.rep("1", 64), 2))
