-- needs: string table
-- code generation limits through loadstring: PUC's messages, chunk names and "near" tokens
local function list(item, n, sep)
  local t = {}
  for i = 1, n do t[i] = (item:gsub("#", tostring(i))) end
  return table.concat(t, sep)
end
local function show(...)
  local f, err = loadstring(...)
  print(f and "ok" or err)
end
show("f(" .. list("1", 249, ",") .. ")")
show("f(" .. list("1", 250, ",") .. ")")
show("f(" .. list("1", 249, ",") .. ")", "=args")
show("f(" .. list("1", 249, ",") .. ")", "@args.lua")
show("return " .. list("#", 250, ", "), "=ret")
show("x = {f(" .. list("1", 249, ",") .. ")}", "=tab")
show("local " .. list("v#", 199, ", ") .. "\nx = t[f(" .. list("1", 49, ",") .. ")]", "=idx")
show("local " .. list("v#", 199, ", ") .. "\nx = t.a.b.c.d:m(" .. list("'s'", 49, ",") .. ")", "=meth")
show("local " .. list("v#", 199, ", ") .. "\nx = f{" .. list("g(#)", 60, ",") .. "}", "=cons")
show("local " .. list("v#", 199, ", ") .. "\n" .. list("t.x", 52, ", ") .. " = 1", "=assign")
show("local " .. list("v#", 199, ", ") .. "\nlocal function g(...) return h(" .. list("...", 51, ", ") .. ") end", "=vararg")
show("local " .. list("v#", 201, ", "), "=locals")
show("local " .. list("u#", 61, ", ") .. "\nreturn function() return " .. list("u#", 61, ", ") .. " end", "=upvals")
-- a long first line is cut in the chunk name as syntax errors cut it (80 bytes)
show(string.rep("f(" .. list("1", 249, ",") .. ")", 1))
show("-- " .. string.rep("x", 100) .. "\nf(" .. list("1", 250, ",") .. ")")
show("local a, b for i = 1, 2 do " .. string.rep("a=b ", 131071) .. " end")
show("local a, b\nwhile a do\n" .. string.rep("a=b ", 131070) .. "\nend")
