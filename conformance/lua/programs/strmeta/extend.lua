-- needs: string
function string.trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
function string.startswith(s, p) return s:sub(1, #p) == p end
print("[" .. ("  padded  "):trim() .. "]")
print(("prefix-rest"):startswith("prefix"), ("prefix"):startswith("rest"))
local mt = getmetatable("")
local old = mt.__index
mt.__index = function(s, k)
  if type(k) == "number" then return string.sub(s, k, k) end
  return old[k]
end
local s = "lua"
print(s[1], s[2], s[3], s[4] == "", s:upper())
mt.__index = old
print(pcall(function() return s[1] end))
string.trim = nil
string.startswith = nil
print(("x").trim)
