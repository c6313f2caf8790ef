print(tonumber("\t\n 42 \r\f\v"), tonumber("4 2"), tonumber("\0" .. "1"), tonumber("1\0"))
