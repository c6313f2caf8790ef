package luanum

import (
	"math"
	"strconv"
)

// isSpace reports whether c is white space for C's isspace in the "C" locale.
func isSpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHexDigit(c byte) bool {
	return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f')
}

func hexVal(c byte) uint64 {
	if c <= '9' {
		return uint64(c - '0')
	}
	return uint64(c|0x20-'a') + 10
}

// ParseNumber converts s to a number as Lua 5.1's luaO_str2d does, and reports whether s is a
// valid numeral. As in C, s ends at its first zero byte.
//
// The accepted forms are those of glibc's strtod: optional leading white space, an optional
// sign, then a decimal number with optional fraction and exponent ("12", "1.5e-3", ".5", "5."),
// a hexadecimal number with optional fraction and binary exponent ("0x1F", "0x1.8p3"), or one
// of "inf", "infinity", "nan" and "nan(chars)" in any letter case. Only white space may follow.
// Values too large become infinities and values too small become zeros or subnormals,
// correctly rounded.
//
// luaO_str2d retries with strtoul(s, 16) when strtod stops at an 'x' or 'X'. With glibc that
// retry can never accept a string strtod rejected: strtoul only steps over an 'x' inside a "0x"
// prefix followed by a hexadecimal digit, and strtod accepts that prefix itself. So a numeral
// whose scan stops at an 'x' is simply invalid here.
func ParseNumber(s string) (float64, bool) {
	// Fast path: short plain decimal integers, the common case for the lexer and coercions.
	if n := len(s); n > 0 && n <= 15 {
		var v uint64
		i := 0
		for ; i < n; i++ {
			c := s[i]
			if !isDigit(c) {
				break
			}
			v = v*10 + uint64(c-'0')
		}
		if i == n {
			return float64(v), true
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			s = s[:i]
			break
		}
	}
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	start := i
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	var f float64
	var end int
	var ok bool
	switch {
	case i+1 < len(s) && s[i] == '0' && s[i+1]|0x20 == 'x':
		f, end, ok = scanHex(s, i+2)
		if !ok {
			// "0x" without digits: strtod reads the "0" and stops at the 'x'.
			return 0, false
		}
	case i < len(s) && (isDigit(s[i]) || s[i] == '.'):
		end, ok = scanDecimal(s, i)
		if !ok {
			return 0, false
		}
		var err error
		f, err = strconv.ParseFloat(s[start:end], 64)
		if err != nil && !isRangeErr(err) {
			return 0, false
		}
		neg = false // the sign is part of the text given to ParseFloat
	default:
		f, end, ok = scanSpecial(s, i)
		if !ok {
			return 0, false
		}
	}
	if neg {
		f = -f
	}
	for end < len(s) && isSpace(s[end]) {
		end++
	}
	if end != len(s) {
		return 0, false
	}
	return f, true
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// scanDecimal returns the end of the decimal numeral starting at i (digits, optional fraction,
// optional exponent), as strtod would consume it.
func scanDecimal(s string, i int) (int, bool) {
	digits := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(s) && s[i]|0x20 == 'e' {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			i = j
		}
	}
	return i, true
}

// scanHex converts the hexadecimal numeral whose digits start at i (after "0x") and returns its
// magnitude and end. It reports false when no hexadecimal digit follows the prefix.
func scanHex(s string, i int) (float64, int, bool) {
	begin := i
	var mant uint64
	nd := 0 // significant digits accumulated into mant
	intDigits := 0
	for i < len(s) && isHexDigit(s[i]) {
		i++
		intDigits++
	}
	fracStart, fracDigits := i, 0
	if i < len(s) && s[i] == '.' {
		i++
		fracStart = i
		for i < len(s) && isHexDigit(s[i]) {
			i++
			fracDigits++
		}
	}
	if intDigits+fracDigits == 0 {
		return 0, 0, false
	}
	mantEnd := i
	hasExp := false
	if i < len(s) && s[i]|0x20 == 'p' {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			i = j
			hasExp = true
		}
	}
	// Fast path: a hexadecimal integer of at most 15 digits is exact in a uint64 and its
	// conversion to float64 rounds correctly.
	if fracDigits == 0 && !hasExp && mantEnd == begin+intDigits && intDigits <= 15 {
		for k := begin; k < mantEnd; k++ {
			mant = mant<<4 | hexVal(s[k])
			nd++
		}
		return float64(mant), i, true
	}
	_ = fracStart
	// General case: let strconv round the hexadecimal float; it needs a "p" exponent.
	var text string
	if hasExp {
		text = "0x" + s[begin:i]
	} else {
		text = "0x" + s[begin:mantEnd] + "p0"
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil && !isRangeErr(err) {
		return 0, 0, false
	}
	return math.Abs(f), i, true
}

// scanSpecial recognizes glibc's spellings of infinity and NaN at i: "inf", "infinity", "nan"
// and "nan(" [A-Za-z0-9_]* ")", in any letter case.
func scanSpecial(s string, i int) (float64, int, bool) {
	if hasPrefixFold(s[i:], "inf") {
		i += 3
		if hasPrefixFold(s[i:], "inity") {
			i += 5
		}
		return math.Inf(1), i, true
	}
	if hasPrefixFold(s[i:], "nan") {
		i += 3
		if i < len(s) && s[i] == '(' {
			j := i + 1
			for j < len(s) && (isDigit(s[j]) || s[j] == '_' || (s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z')) {
				j++
			}
			if j < len(s) && s[j] == ')' {
				i = j + 1
			}
		}
		return math.Float64frombits(quietNaN), i, true
	}
	return 0, 0, false
}

// quietNaN is the positive quiet NaN glibc's strtod returns for "nan".
const quietNaN = 0x7FF8000000000000

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		if s[k]|0x20 != prefix[k] {
			return false
		}
	}
	return true
}
