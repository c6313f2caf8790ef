-- with two NaN operands, x86 arithmetic returns the first one (its sign shows in print)
local n = 0/0
local a, b = -n, n
print(a + b, b + a, a - b, b - a, a * b, b * a, a / b, b / a)
print(a % b, b % a, a ^ b, b ^ a)
local one = 1
print(a + one, one + a, b + one, one + b)
