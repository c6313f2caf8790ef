for d in string.gmatch(123.25, "%d") do io.write(d) end print()
