// Package luanum converts between Lua 5.1 numbers (float64) and their string forms exactly as
// PUC Lua 5.1.5 does on Linux x86-64 with glibc.
//
// ParseNumber is Lua's luaO_str2d: the conversion used by the lexer for numerals, by tonumber
// with base 10 and by the string-to-number coercion of arithmetic. It follows glibc's strtod
// (leading white space, sign, decimal with optional exponent, hexadecimal integers and floats,
// "inf", "infinity" and "nan" spellings in any case, "nan(...)"), then allows only trailing
// white space.
//
// AppendNumber and FormatNumber are Lua's lua_number2str, C's "%.14g": what tostring, print,
// the ".." operator and string coercion produce. Infinities print as "inf" and "-inf"; a NaN
// prints as "nan" or "-nan" according to its sign bit, as glibc's printf does (on x86-64, 0/0
// computed at run time has the sign bit set, so Lua prints it as "-nan").
package luanum
