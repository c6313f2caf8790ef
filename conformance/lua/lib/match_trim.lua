local function trim(s) return (string.match(s, "^%s*(.-)%s*$")) end
print("[" .. trim("  trim me  ") .. "]")
print("[" .. trim("") .. "]")
print("[" .. trim("   ") .. "]")
print("[" .. trim("x") .. "]")
