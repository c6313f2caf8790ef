print(pcall(table.foreach, {}))
print(pcall(table.foreachi, {}, 1))
print(pcall(table.foreach))
