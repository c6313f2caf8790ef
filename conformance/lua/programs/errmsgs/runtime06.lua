local function check(src) local f = loadstring(src, "=expr") local ok, e = pcall(f) print(ok, e) end
check([==[local g = {}; return g.a.b.c.d]==])
