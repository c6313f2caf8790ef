print(debug.traceback())
print(debug.traceback("message"))
print(debug.traceback("msg", 1))
print(debug.traceback("msg", 2))
local function a() return debug.traceback("in a") end
local function b() local r = a() return r end
print(b())
print(debug.traceback(nil))
print(debug.traceback(12))
print(debug.traceback({}) ~= nil, type(debug.traceback({})))
print(debug.traceback("lvl0", 0))
print(debug.traceback("", 50))
