print(tonumber("inf"), tonumber("-inf"), tonumber("nan"), tonumber("infinity"), tonumber("NaN"))
print(tonumber("1e400"), tonumber("-1e400"), tonumber("1e-400"))
