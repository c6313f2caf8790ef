local vals = {0, 1, -1, 0.1, 1/3, 2^53, 1e100, -1e-100, 123.456}
for _, v in ipairs(vals) do io.write(tostring(tonumber(tostring(v)) == v), " ") end print()
