package vm

import "github.com/redmoon-dev/redmoon/lua/internal/luanum"

// FormatNumber formats f as Lua 5.1 does (%.14g, with inf, -inf, nan and -nan as lua5.1 prints
// them).
func FormatNumber(f float64) string { return luanum.FormatNumber(f) }

// AppendNumber appends Lua 5.1's %.14g formatting of f to dst.
func AppendNumber(dst []byte, f float64) []byte { return luanum.AppendNumber(dst, f) }

// ParseNumber converts s to a number as Lua 5.1's luaO_str2d does (decimal, hex, surrounding
// spaces).
func ParseNumber(s string) (float64, bool) { return luanum.ParseNumber(s) }
