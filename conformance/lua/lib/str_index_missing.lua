print(pcall(function() return ("abc"):nosuch() end))
print(("abc").len == string.len)
