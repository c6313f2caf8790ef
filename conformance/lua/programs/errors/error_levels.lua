local function lvl0() error("msg0", 0) end
local function lvl1() error("msg1") end
local function lvl2() error("msg2", 2) end
local function caller() lvl2() end
print(pcall(lvl0))
print(pcall(lvl1))
print(pcall(caller))
print(pcall(error))
print(pcall(error, nil))
print(pcall(error, 42))
print(pcall(error, 42, 0))
print(type(select(2, pcall(error, {code = 1}))))
local ok, e = pcall(error, setmetatable({}, {__tostring = function() return "obj" end}))
print(ok, tostring(e))
print(pcall(error, "lvl3", 3))
local function deep() error("deep", 3) end
local function mid() deep() end
local function top() mid() end
print(pcall(top))
print(pcall(error, "x", 1.5))
print(select('#', pcall(error)))
