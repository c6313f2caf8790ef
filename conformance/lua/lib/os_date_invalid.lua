print(pcall(os.date, "%Ez", 0))
print(pcall(os.date, 1, 0))
print(pcall(os.date, "%Q", 0))
