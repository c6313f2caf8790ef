print(string.gsub("a \t\n\v\f\rb", "%s", "_"))
print(string.match("   lead", "^%s*(.*)$"))
print(string.find("nospace", "%s"))
