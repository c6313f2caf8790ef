-- needs: string
local nz = -0
print(nz, 0 * -1, -0.0, 1 / (-0.0))
print(0 == -0, 1/0 == 1/-0)
local t = {}
t[0] = "zero"
print(t[-0])
t[-0] = "negzero"
print(t[0])
print(string.format("%g %g", 0, -0.0))
print(-0 .. "", tostring(-0))
local x = 0
print(-x, x * -1)
