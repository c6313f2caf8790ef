for w in string.gmatch("  the quick\tbrown\nfox  ", "%S+") do print(w) end
