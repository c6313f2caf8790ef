print(math.floor("3.7"), math.sqrt("16"), math.max("5", "10"), math.abs(" -2 "))
