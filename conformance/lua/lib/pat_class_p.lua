print(string.gsub("a!b@c#d$e%f^g&h*i(j)k", "%p", ""))
print(string.match("...", "%p+"))
for c in string.gmatch("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", "%p") do io.write(c) end print()
