-- needs: string
-- numeric for loops whose bodies are longer than 32767 instructions (PUC reaches 131071)
local function loop(n, head)
  -- a body of n one-instruction statements (ADD on a local)
  local src = "local a, out = 0, {} " .. head .. " " .. string.rep("a = a + 1 ", n) ..
    " out[#out + 1] = i end return a, #out, out[1], out[#out]"
  local f, err = loadstring(src, "=loop")
  if not f then return "error: " .. err end
  return f()
end
for _, n in ipairs({10, 32765, 32766, 32767, 32768, 40000, 131000}) do
  print(n, loop(n, "for i = 1, 3 do"))
end
print(loop(40000, "for i = 3, 1 do"))
print(loop(40000, "for i = 3, 1, -1 do"))
print(loop(40000, "for i = 0, 1, 0.25 do"))
print(loop(40000, "for i = 10, 1, -3.5 do"))
print(loop(40000, "for i = 1, 0 do"))
print(loop(131065, "for i = 1, 2 do"))
print(loop(131066, "for i = 1, 2 do"))
print(loop(131067, "for i = 1, 2 do"))
-- break, closures over the loop variable, nested long loops
local src = "local a, fs = 0, {} for i = 1, 5 do fs[i] = function() return i end " ..
  string.rep("a = a + 1 ", 35000) .. " if i == 4 then break end end return a, #fs, fs[1](), fs[4]()"
print(loadstring(src)())
src = "local a = 0 for i = 1, 3 do for j = 1, 2 do " .. string.rep("a = a + 1 ", 33000) ..
  " end " .. string.rep("a = a + 1 ", 33000) .. " end return a"
print(loadstring(src)())
-- errors from FORPREP still come from the for line
src = "local a = 0\nfor i = 1, 'x' do " .. string.rep("a = a + 1 ", 40000) .. " end"
print(pcall(loadstring(src, "=prep")))
src = "local a = 0\nfor i = 1, 2, {} do " .. string.rep("a = a + 1 ", 40000) .. " end"
print(pcall(loadstring(src, "=prep")))
-- a runtime error inside the long body reports its own line
src = "local a = 0\nfor i = 1, 2 do " .. string.rep("a = a + 1 ", 40000) .. "\nlocal x = a .. {} end"
print(pcall(loadstring(src, "=body")))
