package keyspace

import (
	"math"
	"strconv"
)

// Error replies shared by many commands, with Redis 7.0's exact text.
const (
	ErrSyntax      = "ERR syntax error"
	ErrNotInt      = "ERR value is not an integer or out of range"
	ErrNotFloat    = "ERR value is not a valid float"
	ErrWrongType   = "WRONGTYPE Operation against a key holding the wrong kind of value"
	ErrOverflow    = "ERR increment or decrement would overflow"
	ErrNoSuchKey   = "ERR no such key"
	ErrDBIndex     = "ERR DB index is out of range"
	ErrNotPositive = "ERR value is out of range, must be positive"
	ErrTooBig      = "ERR string exceeds maximum allowed size (proto-max-bulk-len)"
	ErrNaNOrInf    = "ERR increment would produce NaN or Infinity"
)

// maxStringLen is proto-max-bulk-len's default (512MB), the largest string a command may build.
const maxStringLen = 512 * 1024 * 1024

// ParseInt parses a 64-bit integer exactly as Redis's string2ll: an optional '-', then digits
// without leading zeros ("0" alone is fine); no '+', no spaces, at most 20 bytes, no overflow.
func ParseInt(s string) (int64, bool) {
	if len(s) == 0 || len(s) > 20 {
		return 0, false
	}
	if s == "0" {
		return 0, true
	}
	neg := false
	p := 0
	if s[0] == '-' {
		neg = true
		p++
		if p == len(s) {
			return 0, false
		}
	}
	if s[p] < '1' || s[p] > '9' {
		return 0, false
	}
	var v uint64
	for ; p < len(s); p++ {
		c := s[p]
		if c < '0' || c > '9' {
			return 0, false
		}
		if v > math.MaxUint64/10 {
			return 0, false
		}
		v *= 10
		d := uint64(c - '0')
		if v > math.MaxUint64-d {
			return 0, false
		}
		v += d
	}
	if neg {
		if v > 1<<63 {
			return 0, false
		}
		return -int64(v), true
	}
	if v > math.MaxInt64 {
		return 0, false
	}
	return int64(v), true
}

// FormatInt formats n in decimal; numbers 0..9999 come from a shared table without allocating.
func FormatInt(n int64) string {
	if 0 <= n && n < sharedInts {
		return smallIntText[smallIntOff[n]:smallIntOff[n+1]]
	}
	return strconv.FormatInt(n, 10)
}

// sharedInts is Redis's OBJ_SHARED_INTEGERS: integers below it are shared objects.
const sharedInts = 10000

var smallIntText, smallIntOff = func() (string, []int32) {
	var b []byte
	off := make([]int32, 0, sharedInts+1)
	for i := 0; i < sharedInts; i++ {
		off = append(off, int32(len(b)))
		b = strconv.AppendInt(b, int64(i), 10)
	}
	off = append(off, int32(len(b)))
	return string(b), off
}()

// ParseFloat parses a double as Redis's getDoubleFromObject does (strtod, then rejecting
// leading spaces, trailing bytes, overflow, underflow to zero and NaN). "inf", "-inf",
// "infinity" and hexadecimal floats are accepted, like strtod does.
func ParseFloat(s string) (float64, bool) {
	kind, ok := scanCFloat(s)
	if !ok {
		return 0, false
	}
	switch kind {
	case cfloatInf:
		if s[0] == '-' {
			return math.Inf(-1), true
		}
		return math.Inf(1), true
	case cfloatNaN:
		return 0, false
	case cfloatHex:
		s = hexWithExponent(s)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false // overflow (ERANGE with HUGE_VAL)
	}
	if f == 0 && hasNonZeroDigit(s, kind == cfloatHex) {
		return 0, false // underflow to zero (ERANGE)
	}
	return f, true
}

type cfloatKind uint8

const (
	cfloatDec cfloatKind = iota
	cfloatHex
	cfloatInf
	cfloatNaN
)

// scanCFloat checks that the whole of s is one number in the syntax C's strtod accepts and has
// no leading space: [+-] then inf, infinity, nan, nan(chars), a decimal or a hexadecimal float.
func scanCFloat(s string) (cfloatKind, bool) {
	p := 0
	if p < len(s) && (s[p] == '+' || s[p] == '-') {
		p++
	}
	rest := s[p:]
	switch lower := asciiLower(rest); {
	case lower == "inf" || lower == "infinity":
		return cfloatInf, true
	case lower == "nan":
		return cfloatNaN, true
	case len(lower) > 4 && lower[:4] == "nan(" && lower[len(lower)-1] == ')':
		for i := 4; i < len(lower)-1; i++ {
			if !isAlnum(lower[i]) && lower[i] != '_' {
				return 0, false
			}
		}
		return cfloatNaN, true
	}
	digit := isDigit
	kind := cfloatDec
	if len(rest) >= 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X') {
		kind = cfloatHex
		digit = isHexDigit
		p += 2
	}
	n := 0
	for p < len(s) && digit(s[p]) {
		p++
		n++
	}
	if p < len(s) && s[p] == '.' {
		p++
		for p < len(s) && digit(s[p]) {
			p++
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	if p < len(s) && ((kind == cfloatDec && (s[p] == 'e' || s[p] == 'E')) || (kind == cfloatHex && (s[p] == 'p' || s[p] == 'P'))) {
		p++
		if p < len(s) && (s[p] == '+' || s[p] == '-') {
			p++
		}
		m := 0
		for p < len(s) && isDigit(s[p]) {
			p++
			m++
		}
		if m == 0 {
			return 0, false
		}
	}
	return kind, p == len(s)
}

func hexWithExponent(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == 'p' || s[i] == 'P' {
			return s
		}
	}
	return s + "p0"
}

// hasNonZeroDigit reports whether the mantissa of a validated number has a non-zero digit.
func hasNonZeroDigit(s string, hex bool) bool {
	i := 0
	for i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if hex {
		i += 2
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c == 'e' || c == 'E' || c == 'p' || c == 'P' {
			break
		}
		if c != '0' && c != '.' {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool    { return '0' <= c && c <= '9' }
func isHexDigit(c byte) bool { return isDigit(c) || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F') }
func isAlnum(c byte) bool    { return isDigit(c) || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// equalFold reports whether a equals the lower-case ASCII word lower, ignoring case.
func equalFold(a, lower string) bool {
	if len(a) != len(lower) {
		return false
	}
	for i := 0; i < len(a); i++ {
		c := a[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
