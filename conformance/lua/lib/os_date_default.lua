print(type(os.date()), #os.date() > 0)
print(os.date("!%Y", 0))
