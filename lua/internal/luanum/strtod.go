package luanum

import (
	"math"
	"strconv"
)

// Strtod converts the longest prefix of s that glibc's strtod accepts, as C code that parses
// numbers out of a larger text does (lua-cjson's decoder, for one). It returns the value and the
// number of bytes consumed, 0 when strtod would perform no conversion. The accepted forms are
// those listed for ParseNumber (leading white space and a sign included); out-of-range values
// become infinities or zeros as strtod's do. As in C, s ends at its first zero byte; only the
// bytes of the numeral are read, so the cost does not depend on what follows it.
func Strtod(s string) (f float64, n int) {
	// No form strtod accepts contains a zero byte, so the scan stops at one by itself.
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
	var end int
	var ok bool
	switch {
	case i+1 < len(s) && s[i] == '0' && s[i+1]|0x20 == 'x':
		f, end, ok = scanHex(s, i+2)
		if !ok {
			// "0x" without hexadecimal digits: strtod reads the "0".
			f, end = 0, i+1
		}
	case i < len(s) && (isDigit(s[i]) || s[i] == '.'):
		end, ok = scanDecimal(s, i)
		if !ok {
			return 0, 0
		}
		var err error
		f, err = strconv.ParseFloat(s[start:end], 64)
		if err != nil && !isRangeErr(err) {
			return 0, 0
		}
		return f, end
	default:
		f, end, ok = scanSpecial(s, i)
		if !ok {
			return 0, 0
		}
	}
	if neg {
		f = -f
		if f == 0 {
			f = math.Copysign(0, -1)
		}
	}
	return f, end
}
