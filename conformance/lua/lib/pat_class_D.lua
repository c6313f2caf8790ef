print(string.match("12ab34", "%D+"))
print(string.gsub("2024-01-15", "%D", "/"))
