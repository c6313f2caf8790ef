print(os.difftime(10, 5), os.difftime(5, 10), os.difftime(7))
