print(table.concat({0.1, 1/3, 1e15, -0.5, 2^63}, " "))
