-- chunk names in binary-chunk errors: "binary string" for the default name
print(loadstring("\27Lua"))
print(loadstring("\27"))
print(loadstring("\27", "name"))
print(loadstring("\27", "=name"))
print(loadstring("\27", "@name"))
print(loadstring("\27junk that is long enough to be a header of something"))
