local t = {"banana", "apple", "Cherry", "date", "Apple", "10", "9", ""}
table.sort(t)
print(table.concat(t, ","))
