-- needs: table
local log = {}
local function mk(name)
  return setmetatable({}, {__add = function(a, b)
    log[#log + 1] = name .. "(" .. (type(a) == "table" and "T" or tostring(a)) .. "," .. (type(b) == "table" and "T" or tostring(b)) .. ")"
    return 0
  end})
end
local A, B = mk("A"), mk("B")
local _ = A + B
_ = B + A
_ = 1 + B
_ = A + "2"
_ = "x" + A
print(table.concat(log, " "))
local onlyb = setmetatable({}, {__sub = function(a, b) return "sub" end})
print(1 - onlyb, onlyb - 1, pcall(function() return onlyb + 1 end))
local str = setmetatable({}, {__unm = function(a, b) return type(a) .. type(b) end})
print(-str)
