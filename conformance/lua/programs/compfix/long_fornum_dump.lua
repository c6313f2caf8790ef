-- needs: string
-- string.dump and loadstring of functions whose numeric for bodies are past 32767 instructions
local src = "local n, acc = ... acc = acc or 0 for i = 1, n do " .. string.rep("acc = acc + 1 ", 40000) ..
  " if i == 4 then break end end return acc"
local f = assert(loadstring(src, "=dumped"))
local g = assert(loadstring(string.dump(f)))
print(f(3), g(3), g(10, 5), g(0))
local h = assert(loadstring(string.dump(g)))
print(h(2, -1))
