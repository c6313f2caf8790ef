print(string.match("--a--b", "[a-]+"))
print(string.match("--a--b", "[-a]+"))
print(string.match("b-az", "[a%-z]+"))
print(string.match("a-eb", "[a-c-e]+"))
