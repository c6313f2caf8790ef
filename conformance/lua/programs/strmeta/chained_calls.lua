-- needs: string table
local words = {}
local text = "the quick brown fox jumps over the lazy dog"
for w in text:gmatch("%S+") do words[#words + 1] = w:upper():reverse():lower() end
print(table.concat(words, " "))
print(text:gsub("%w+", string.upper):sub(1, 9))
print((text:gsub("(%w+)", "<%1>")))
print(text:find("fox", 1, true), text:find("o", -5), text:find("", 100))
local count = select(2, text:gsub("o", "o"))
print(count, text:len(), #text:rep(3, ","))
print(("a,b,,c"):gsub(",", ";", 2))
