package vm

import (
	"math"
	"strconv"
)

// Stand-in for lua/internal/luanum until it lands: Lua 5.1's %.14g formatting and
// luaO_str2d parsing.

func appendNumber(dst []byte, f float64) []byte {
	if f == math.Trunc(f) && f >= -1e15 && f <= 1e15 {
		if f == 0 && math.Signbit(f) {
			return append(dst, "-0"...)
		}
		return strconv.AppendInt(dst, int64(f), 10)
	}
	switch {
	case math.IsInf(f, 1):
		return append(dst, "inf"...)
	case math.IsInf(f, -1):
		return append(dst, "-inf"...)
	case f != f:
		if math.Signbit(f) {
			return append(dst, "-nan"...)
		}
		return append(dst, "nan"...)
	}
	return strconv.AppendFloat(dst, f, 'g', 14, 64)
}

// FormatNumber formats f as Lua 5.1 does (%.14g).
func FormatNumber(f float64) string {
	if f == math.Trunc(f) && f >= 0 && f < float64(len(smallInts)) {
		return smallInts[int(f)]
	}
	var buf [32]byte
	return string(appendNumber(buf[:0], f))
}

// AppendNumber appends Lua 5.1's %.14g formatting of f to dst.
func AppendNumber(dst []byte, f float64) []byte { return appendNumber(dst, f) }

var smallInts = func() (s [256]string) {
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return
}()

func isSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

// ParseNumber converts s to a number as Lua 5.1's luaO_str2d does.
func ParseNumber(s string) (float64, bool) {
	i, j := 0, len(s)
	for i < j && isSpace(s[i]) {
		i++
	}
	for j > i && isSpace(s[j-1]) {
		j--
	}
	t := s[i:j]
	if t == "" {
		return 0, false
	}
	if len(t) > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X') {
		u, err := strconv.ParseUint(t[2:], 16, 64)
		if err != nil {
			if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
				return math.MaxUint64, true
			}
			return 0, false
		}
		return float64(u), true
	}
	for k := 0; k < len(t); k++ {
		c := t[k]
		if !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
			if c == 'i' || c == 'I' || c == 'n' || c == 'N' {
				return parseSpecial(t)
			}
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, true
		}
		return 0, false
	}
	return f, true
}

func parseSpecial(t string) (float64, bool) {
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, false
	}
	return f, true
}
