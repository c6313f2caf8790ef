print("before")
error(42)
