local s = "hello hello"
for _, i in ipairs({1, 2, 6, 7, 11, 12, 100, 0, -1, -5, -11, -100}) do
  print(i, string.find(s, "hello", i), string.find(s, "l+", i))
end
