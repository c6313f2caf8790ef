print(string.format("%f %f %e %g", 1/0, -1/0, 1/0, -1/0))
print(string.format("%5.1f|%-6f|%+f|%05f", 1/0, -1/0, 1/0, 1/0))
print(string.format("%G %E", 1/0, -1/0))
print(pcall(string.format, "%F", 1))
