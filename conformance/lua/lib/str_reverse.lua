print(string.reverse("hello"), string.reverse(""), string.reverse("a"), string.reverse(123))
print(string.reverse("a\0b") == "b\0a")
print(pcall(string.reverse))
