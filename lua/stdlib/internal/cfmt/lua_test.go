package cfmt

import (
	"math"
	"strconv"
	"strings"

	"github.com/redmoon-dev/redmoon/lua/internal/luanum"
)

// An arg is a test argument of string.format: a number or a string.
type arg struct {
	isNum bool
	n     float64
	s     string
}

// encodeArg writes an arg as "n:" plus the exact number ("%.17g", or inf, -inf, nan, -nan)
// or "s:" plus the string.
func encodeArg(a arg) string {
	if !a.isNum {
		return "s:" + a.s
	}
	switch {
	case a.n != a.n && math.Signbit(a.n):
		return "n:-nan"
	case a.n != a.n:
		return "n:nan"
	case math.IsInf(a.n, 1):
		return "n:inf"
	case math.IsInf(a.n, -1):
		return "n:-inf"
	}
	return "n:" + strconv.FormatFloat(a.n, 'g', 17, 64)
}

func decodeArg(s string) arg {
	if strings.HasPrefix(s, "s:") {
		return arg{s: s[2:]}
	}
	switch s[2:] {
	case "nan":
		return arg{isNum: true, n: math.Float64frombits(0x7FF8000000000000)}
	case "-nan":
		return arg{isNum: true, n: math.Float64frombits(0xFFF8000000000000)}
	}
	f, _ := luanum.ParseNumber(s[2:])
	return arg{isNum: true, n: f}
}

func typeName(a arg) string {
	if a.isNum {
		return "number"
	}
	return "string"
}

// luaFormat is Lua 5.1.5's str_format re-created on top of this package, with the error texts
// it raises (without position).
func luaFormat(format string, args []arg) string {
	var out []byte
	argn := 1 // Lua's argument number; the format is #1
	bad := func(msg string) string {
		return "error: bad argument #" + strconv.Itoa(argn) + " to 'format' (" + msg + ")"
	}
	for i := 0; i < len(format); {
		c := format[i]
		if c != '%' {
			out = append(out, c)
			i++
			continue
		}
		i++
		if at(format, i) == '%' {
			out = append(out, '%')
			i++
			continue
		}
		argn++
		if argn > len(args)+1 {
			return bad("no value")
		}
		a := args[argn-2]
		sp, next, err := Scan(format, i)
		if err != nil {
			return "error: " + err.Error()
		}
		i = next
		num := func() (float64, bool) {
			if a.isNum {
				return a.n, true
			}
			return luanum.ParseNumber(a.s)
		}
		str := func() string {
			if a.isNum {
				return luanum.FormatNumber(a.n)
			}
			return a.s
		}
		switch sp.Verb {
		case 'c':
			f, ok := num()
			if !ok {
				return bad("number expected, got " + typeName(a))
			}
			out = AppendChar(out, &sp, byte(Int(f)))
		case 'd', 'i':
			f, ok := num()
			if !ok {
				return bad("number expected, got " + typeName(a))
			}
			out = AppendInt(out, &sp, Long(f))
		case 'o', 'u', 'x', 'X':
			f, ok := num()
			if !ok {
				return bad("number expected, got " + typeName(a))
			}
			out = AppendUint(out, &sp, ULong(f))
		case 'e', 'E', 'f', 'g', 'G':
			f, ok := num()
			if !ok {
				return bad("number expected, got " + typeName(a))
			}
			out = AppendFloat(out, &sp, f)
		case 'q':
			out = AppendQuoted(out, str())
		case 's':
			s := str()
			if sp.Prec < 0 && len(s) >= 100 {
				out = append(out, s...)
			} else {
				out = AppendString(out, &sp, s)
			}
		default:
			return "error: " + InvalidOption(sp.Verb).Error()
		}
	}
	return string(out)
}
