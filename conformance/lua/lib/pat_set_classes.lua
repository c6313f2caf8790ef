print(string.match("!!ab12!!", "[%a%d]+"))
print(string.match("  my_var1 = 2", "[%w_]+"))
print(string.match("  two words ", "[^%s]+"))
print(string.gsub("a1 b2_c3", "[%d_]", ""))
