package cfmt

import (
	"math"
	"strconv"
)

// pad appends body to dst, justified in sp.Width as printf does. prefix (a sign, "0x") goes
// before any zero padding; zeros says whether the '0' flag applies.
func pad(dst []byte, sp *Spec, prefix string, body []byte, zeros bool) []byte {
	n := len(prefix) + len(body)
	fill := sp.Width - n
	if fill <= 0 {
		dst = append(dst, prefix...)
		return append(dst, body...)
	}
	switch {
	case sp.Minus:
		dst = append(dst, prefix...)
		dst = append(dst, body...)
		return appendRepeat(dst, ' ', fill)
	case zeros:
		dst = append(dst, prefix...)
		dst = appendRepeat(dst, '0', fill)
		return append(dst, body...)
	}
	dst = appendRepeat(dst, ' ', fill)
	dst = append(dst, prefix...)
	return append(dst, body...)
}

func appendRepeat(dst []byte, c byte, n int) []byte {
	for ; n > 0; n-- {
		dst = append(dst, c)
	}
	return dst
}

func signPrefix(sp *Spec, neg bool) string {
	switch {
	case neg:
		return "-"
	case sp.Plus:
		return "+"
	case sp.Space:
		return " "
	}
	return ""
}

// appendDigits appends the digits of v with precision prec (minimum digit count; 0 prints
// nothing for zero) to scratch.
func appendDigits(scratch []byte, v uint64, base int, upper bool, prec int) []byte {
	start := len(scratch)
	if !(v == 0 && prec == 0) {
		scratch = strconv.AppendUint(scratch, v, base)
		if upper {
			for i := start; i < len(scratch); i++ {
				if c := scratch[i]; c >= 'a' && c <= 'f' {
					scratch[i] = c - 32
				}
			}
		}
	}
	if n := len(scratch) - start; n < prec {
		scratch = appendRepeat(scratch, '0', prec-n)
		copy(scratch[start+prec-n:], scratch[start:start+n])
		for i := start; i < start+prec-n; i++ {
			scratch[i] = '0'
		}
	}
	return scratch
}

// AppendInt formats v with a d or i conversion.
func AppendInt(dst []byte, sp *Spec, v int64) []byte {
	var buf [128]byte
	u := uint64(v)
	if v < 0 {
		u = -u
	}
	body := appendDigits(buf[:0], u, 10, false, sp.Prec)
	return pad(dst, sp, signPrefix(sp, v < 0), body, sp.Zero && sp.Prec < 0)
}

// AppendUint formats v with an o, u, x or X conversion.
func AppendUint(dst []byte, sp *Spec, v uint64) []byte {
	var buf [128]byte
	base, upper, prefix := 10, false, ""
	switch sp.Verb {
	case 'o':
		base = 8
	case 'x':
		base = 16
		if sp.Hash && v != 0 {
			prefix = "0x"
		}
	case 'X':
		base, upper = 16, true
		if sp.Hash && v != 0 {
			prefix = "0X"
		}
	}
	body := appendDigits(buf[:0], v, base, upper, sp.Prec)
	if sp.Verb == 'o' && sp.Hash && (len(body) == 0 || body[0] != '0') {
		body = append(body, 0)
		copy(body[1:], body)
		body[0] = '0'
	}
	return pad(dst, sp, prefix, body, sp.Zero && sp.Prec < 0)
}

// AppendFloat formats f with an e, E, f, g or G conversion.
func AppendFloat(dst []byte, sp *Spec, f float64) []byte {
	neg := math.Signbit(f)
	prefix := signPrefix(sp, neg)
	upper := sp.Verb == 'E' || sp.Verb == 'G'
	if math.IsInf(f, 0) || f != f {
		var body string
		switch {
		case f != f && upper:
			body = "NAN"
		case f != f:
			body = "nan"
		case upper:
			body = "INF"
		default:
			body = "inf"
		}
		var buf [3]byte
		return pad(dst, sp, prefix, append(buf[:0], body...), false)
	}
	if neg {
		f = -f
	}
	prec := sp.Prec
	if prec < 0 {
		prec = 6
	}
	var buf [512]byte
	var body []byte
	switch sp.Verb {
	case 'f':
		body = strconv.AppendFloat(buf[:0], f, 'f', prec, 64)
		if sp.Hash && prec == 0 {
			body = append(body, '.')
		}
	case 'e', 'E':
		body = strconv.AppendFloat(buf[:0], f, 'e', prec, 64)
		if sp.Hash && prec == 0 {
			body = insertPoint(body)
		}
	default: // g, G
		body = appendG(buf[:0], f, prec, sp.Hash)
	}
	if upper {
		for i, c := range body {
			if c == 'e' {
				body[i] = 'E'
			}
		}
	}
	return pad(dst, sp, prefix, body, sp.Zero)
}

// insertPoint turns "1e+04" into "1.e+04".
func insertPoint(b []byte) []byte {
	b = append(b, 0)
	copy(b[2:], b[1:])
	b[1] = '.'
	return b
}

// appendG is C's %g for a non-negative finite f: style e or f chosen by the decimal exponent
// after rounding to p significant digits, then trailing zeros removed unless hash.
func appendG(dst []byte, f float64, p int, hash bool) []byte {
	if p == 0 {
		p = 1
	}
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, 'e', p-1, 64)
	// The exponent follows the 'e'.
	ei := len(dst) - 1
	for dst[ei] != 'e' {
		ei--
	}
	x := 0
	for _, c := range dst[ei+2:] {
		x = x*10 + int(c-'0')
	}
	if dst[ei+1] == '-' {
		x = -x
	}
	eStyle := !(x < p && x >= -4)
	if !eStyle {
		dst = strconv.AppendFloat(dst[:start], f, 'f', p-1-x, 64)
		ei = len(dst)
	}
	if hash {
		if (eStyle && p == 1) || (!eStyle && p-1-x == 0) {
			// No fraction digits: '#' keeps the decimal point.
			if eStyle {
				return append(dst[:start], insertPoint(dst[start:])...)
			}
			return append(dst, '.')
		}
		return dst
	}
	// Remove trailing zeros of the fraction, and the point if nothing is left.
	hasPoint := false
	for i := start; i < ei; i++ {
		if dst[i] == '.' {
			hasPoint = true
			break
		}
	}
	if !hasPoint {
		return dst
	}
	j := ei
	for dst[j-1] == '0' {
		j--
	}
	if dst[j-1] == '.' {
		j--
	}
	if j == ei {
		return dst
	}
	n := copy(dst[j:], dst[ei:])
	return dst[:j+n]
}

// AppendString formats s with an s conversion. As C's %s, it stops at the first zero byte of
// s. (Lua 5.1's string.format adds a string of 100 bytes or more whole, zeros included, when
// the specification has no precision; that choice belongs to the caller.)
func AppendString(dst []byte, sp *Spec, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			s = s[:i]
			break
		}
	}
	if sp.Prec >= 0 && len(s) > sp.Prec {
		s = s[:sp.Prec]
	}
	fill := sp.Width - len(s)
	if fill <= 0 {
		return append(dst, s...)
	}
	if sp.Minus {
		dst = append(dst, s...)
		return appendRepeat(dst, ' ', fill)
	}
	dst = appendRepeat(dst, ' ', fill)
	return append(dst, s...)
}

// AppendChar formats c with a c conversion. Lua 5.1 adds the formatted item up to its first
// zero byte, so a zero c leaves only the padding that precedes it.
func AppendChar(dst []byte, sp *Spec, c byte) []byte {
	fill := sp.Width - 1
	if sp.Minus || fill <= 0 {
		if c == 0 {
			return dst
		}
		dst = append(dst, c)
		return appendRepeat(dst, ' ', fill)
	}
	dst = appendRepeat(dst, ' ', fill)
	if c == 0 {
		return dst
	}
	return append(dst, c)
}

// AppendQuoted formats s with Lua 5.1's q conversion: between double quotes, with '"', '\\'
// and newline preceded by a backslash, carriage return as \r and zero as \000.
func AppendQuoted(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '"':
			esc = "\\\""
		case '\\':
			esc = "\\\\"
		case '\n':
			esc = "\\\n"
		case '\r':
			esc = "\\r"
		case 0:
			esc = "\\000"
		default:
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, esc...)
		start = i + 1
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
