-- needs: string
-- jumps across long code: accepted up to PUC's 131071 instructions, refused past it
local function try(name, src)
  local f, err = loadstring(src, "=" .. name)
  if not f then print(name, err) return end
  print(name, pcall(f))
end
local function moves(n) return string.rep("a=b ", n) end
local function chain(x, n, op) return x .. string.rep(op .. x, n - 1) end
try("while", "local a, b = true, false local n = 0 while a do " .. moves(131060) .. " n = n + 1 end return n")
try("while2", "local a, b, n = 3, 0, 0 while n < a do " .. moves(131000) .. " b = 0 n = n + 1 end return n")
try("while-long", "local a, b = nil, nil while a do " .. moves(131069) .. " end")
try("repeat", "local a, b, n = 1, 1, 0 repeat " .. moves(131000) .. " n = n + 1 until n == 3 return n")
try("repeat-long", "local a, b repeat " .. moves(131070) .. " until a")
try("if", "local a, b = 1, 2 if a then " .. moves(131000) .. " end return b")
try("if-long", "local a, b = 1, 2 if a then " .. moves(131072) .. " end return b")
try("if-else", "local a, b = nil, 2 if a then " .. moves(131000) .. " else b = 7 end return b")
try("forin", "local a, b local n = 0 for k, v in pairs({1, 2, 3}) do " .. moves(131000) .. " n = n + v end return n")
try("forin-long", "local a, b for k in pairs({}) do " .. moves(131070) .. " end")
try("and", "local a, b = 1, 2 local x = a and (" .. chain("b", 60000, "+") .. ") return x")
try("or", "local a, b = nil, 2 local x = a or (" .. chain("b", 60000, "+") .. ") return x")
try("or-long", "local a, b = nil, 2 if a or (" .. chain("b", 131072, "*") .. ") then b = 1 end")
