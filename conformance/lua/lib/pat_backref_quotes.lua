local s = [[say "hi" and 'it''s']]
for q, body in string.gmatch(s, "([\"'])(.-)%1") do print(q, body) end
