local function f() error("from f", 2) end
print("before")
f()
