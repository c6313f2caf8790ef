local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
for _, set in ipairs({"[a-z]", "[^a-z]", "[%a_]", "[%z-\31]", "[\127-\255]", "[%]%-]", "[^%w%s]", "[-]", "[a-]"}) do
  local _, n = string.gsub(all, set, "")
  io.write(n, " ")
end
print()
