local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound) local self = setmetatable({}, Animal); self.name = name; self.sound = sound; return self end
function Animal:speak() return self.name .. " says " .. self.sound end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name) local self = Animal.new(name, "woof"); return setmetatable(self, Dog) end
function Dog:fetch() return self.name .. " fetches" end
local d = Dog.new("rex")
print(d:speak(), d:fetch())
local a = Animal.new("cat", "meow")
print(a:speak(), a.fetch)
print(pcall(function() return a:fetch() end))
local Stack = {}
Stack.__index = Stack
function Stack.new() return setmetatable({n = 0}, Stack) end
function Stack:push(v) self.n = self.n + 1; self[self.n] = v end
function Stack:pop() local v = self[self.n]; self[self.n] = nil; self.n = self.n - 1; return v end
local s = Stack.new()
for i = 1, 5 do s:push(i * i) end
print(s:pop(), s:pop(), s.n)
local Account = {balance = 0}
function Account:deposit(v) self.balance = self.balance + v end
Account.__index = Account
local acc = setmetatable({}, Account)
acc:deposit(100)
print(acc.balance, Account.balance)
