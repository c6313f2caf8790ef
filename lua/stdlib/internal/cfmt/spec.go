package cfmt

// Spec is one parsed conversion specification.
type Spec struct {
	Minus, Plus, Space, Hash, Zero bool
	Width                          int // 0 when absent
	Prec                           int // -1 when absent
	Verb                           byte
}

// Error texts of Lua 5.1's string.format.
const (
	errRepeatedFlags = "invalid format (repeated flags)"
	errTooLong       = "invalid format (width or precision too long)"
)

// Error is a format error; its text is Lua 5.1's message.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

var (
	errFlags = &Error{errRepeatedFlags}
	errLong  = &Error{errTooLong}
)

// InvalidOption returns Lua 5.1's error for an unknown conversion character c. C stops the
// message at a zero byte, so c == 0 gives "invalid option '%' to 'format'".
func InvalidOption(c byte) error {
	if c == 0 {
		return &Error{"invalid option '%' to 'format'"}
	}
	return &Error{"invalid option '%" + string([]byte{c}) + "' to 'format'"}
}

func at(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Scan parses the conversion specification that starts at format[i], just after its '%', as
// Lua 5.1's scanformat does, and returns it with the index just after the conversion
// character. As in C, the format ends at len(format) or at a zero byte; a specification cut off
// there has Verb 0. Scan does not judge the conversion character: see Valid.
func Scan(format string, i int) (Spec, int, error) {
	sp := Spec{Prec: -1}
	p := i
	for {
		c := at(format, p)
		switch c {
		case '-':
			sp.Minus = true
		case '+':
			sp.Plus = true
		case ' ':
			sp.Space = true
		case '#':
			sp.Hash = true
		case '0':
			sp.Zero = true
		default:
			goto flagsDone
		}
		p++
	}
flagsDone:
	if p-i >= 6 {
		return sp, p, errFlags
	}
	if isDigit(at(format, p)) {
		sp.Width = int(format[p] - '0')
		p++
		if isDigit(at(format, p)) {
			sp.Width = sp.Width*10 + int(format[p]-'0')
			p++
		}
	}
	if at(format, p) == '.' {
		p++
		sp.Prec = 0
		if isDigit(at(format, p)) {
			sp.Prec = int(format[p] - '0')
			p++
			if isDigit(at(format, p)) {
				sp.Prec = sp.Prec*10 + int(format[p]-'0')
				p++
			}
		}
	}
	if isDigit(at(format, p)) {
		return sp, p, errLong
	}
	sp.Verb = at(format, p)
	return sp, p + 1, nil
}

// Valid reports whether c is a conversion character of Lua 5.1's string.format.
func Valid(c byte) bool {
	switch c {
	case 'c', 'd', 'i', 'o', 'u', 'x', 'X', 'e', 'E', 'f', 'g', 'G', 'q', 's':
		return true
	}
	return false
}
