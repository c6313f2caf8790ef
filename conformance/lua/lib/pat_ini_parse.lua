local ini = "[main]\nkey = value\nother=2\n\n[sec]\nx = y z\n"
local section
for line in string.gmatch(ini, "[^\n]+") do
  local s = string.match(line, "^%[([^%]]+)%]$")
  if s then section = s else
    local k, v = string.match(line, "^(%w+)%s*=%s*(.-)%s*$")
    print(section, k, v)
  end
end
