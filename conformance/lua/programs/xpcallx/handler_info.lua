local function handler(m)
  local i = debug.getinfo(2, "Sl")
  local j = debug.getinfo(3, "Sl")
  return m .. " | " .. i.what .. " " .. i.currentline .. " | " .. tostring(j and j.what) .. " " .. tostring(j and j.currentline)
end
local function fail()
  local a = 1
  error("at line 8")
end
print(xpcall(fail, handler))
print(xpcall(function() local x = 1 + {} end, handler))
print(xpcall(function() error("lvl2", 2) end, handler))
