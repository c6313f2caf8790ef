package stdlib

import (
	"strings"
	"unsafe"

	"github.com/redmoon-dev/redmoon/lua/stdlib/internal/cfmt"
	"github.com/redmoon-dev/redmoon/lua/vm"
)

// string.format (Lua 5.1.5's str_format) on top of the C printf formatter.

// bytesToString returns the bytes of b as a string without copying; b must not change later.
func bytesToString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func strFormat(L *vm.State) int {
	format := L.CheckString(1)
	top := L.GetTop()
	if format == "%s" && top >= 2 {
		// The result is the argument itself when C's %s would copy it whole.
		if s := L.CheckString(2); len(s) >= 100 || strings.IndexByte(s, 0) < 0 {
			L.PushString(s)
			return 1
		}
	}
	arg := 1
	var scratch [64]byte
	b := scratch[:0]
	for i := 0; i < len(format); {
		c := format[i]
		if c != '%' {
			// Copy the run of plain characters at once.
			j := i + 1
			for j < len(format) && format[j] != '%' {
				j++
			}
			b = append(b, format[i:j]...)
			i = j
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			b = append(b, '%')
			i++
			continue
		}
		arg++
		if arg > top {
			L.ArgError(arg, "no value")
		}
		sp, next, err := cfmt.Scan(format, i)
		if err != nil {
			L.Errorf("%s", err.Error())
		}
		i = next
		switch sp.Verb {
		case 'c':
			b = cfmt.AppendChar(b, &sp, byte(cfmt.Int(L.CheckNumber(arg))))
		case 'd', 'i':
			b = cfmt.AppendInt(b, &sp, cfmt.Long(L.CheckNumber(arg)))
		case 'o', 'u', 'x', 'X':
			b = cfmt.AppendUint(b, &sp, cfmt.ULong(L.CheckNumber(arg)))
		case 'e', 'E', 'f', 'g', 'G':
			b = cfmt.AppendFloat(b, &sp, L.CheckNumber(arg))
		case 'q':
			b = cfmt.AppendQuoted(b, L.CheckString(arg))
		case 's':
			s := L.CheckString(arg)
			if sp.Prec < 0 && len(s) >= 100 {
				// No precision and a long string: Lua adds it whole, zeros included.
				b = append(b, s...)
			} else {
				b = cfmt.AppendString(b, &sp, s)
			}
		default:
			L.Errorf("%s", cfmt.InvalidOption(sp.Verb).Error())
		}
		if len(b) > MaxStringSize {
			L.Errorf("not enough memory")
		}
	}
	L.PushString(string(b))
	return 1
}
