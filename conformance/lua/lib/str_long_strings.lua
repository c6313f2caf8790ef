local s = [[
first
second]]
print(s, #s)
print([==[with ]] inside]==])
