package keyspace

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// FormatDouble formats a double the way Redis 7.0's addReplyDouble does ("%.17g"; "inf" and
// "-inf" for infinities). RESP2 sinks send it as a bulk string, RESP3 sinks after ','.
func FormatDouble(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	return strconv.FormatFloat(f, 'g', 17, 64)
}

// Long doubles. Redis computes INCRBYFLOAT and HINCRBYFLOAT in C long double, which on x86-64 is
// the 80-bit x87 format: a 64-bit mantissa and a 15-bit exponent. A big.Float with 64 bits of
// precision and round-to-nearest-even gives the same results, and range checks emulate the
// exponent's limits.

const (
	ldPrec   = 64
	ldMaxExp = 16384  // values >= 2^16384 overflow to infinity
	ldMinExp = -16445 // values below 2^-16445 (the smallest denormal) underflow to zero
)

// ParseLongDouble parses a number as Redis's string2ld (strtold): the strtod syntax, no leading
// space, nothing after the number, no overflow, no underflow to zero, no NaN. Infinities are
// returned as such (inf reports it).
func ParseLongDouble(s string) (x *big.Float, inf int, ok bool) {
	if len(s) == 0 || len(s) >= 5*1024 {
		return nil, 0, false
	}
	kind, ok := scanCFloat(s)
	if !ok || kind == cfloatNaN {
		return nil, 0, false
	}
	if kind == cfloatInf {
		if s[0] == '-' {
			return nil, -1, true
		}
		return nil, 1, true
	}
	base := 10
	if kind == cfloatHex {
		s = hexWithExponent(s)
		base = 0
	}
	x, _, err := big.ParseFloat(s, base, ldPrec, big.ToNearestEven)
	if err != nil {
		return nil, 0, false
	}
	if x.Sign() == 0 {
		if hasNonZeroDigit(s, kind == cfloatHex) {
			return nil, 0, false
		}
		return x, 0, true
	}
	exp := x.MantExp(nil)
	if exp > ldMaxExp || exp < ldMinExp {
		return nil, 0, false
	}
	return x, 0, true
}

// FormatLongDoubleHuman formats a long double as Redis's ld2string in LD_STR_HUMAN mode:
// "%.17Lf", then trailing zeros after the point removed (and the point if nothing follows),
// "-0" written "0".
func FormatLongDoubleHuman(x *big.Float) string {
	s := x.Text('f', 17)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// IncrLongDouble adds incr to the number cur (both strings as stored or given) in long double
// arithmetic and returns the new value's text, as INCRBYFLOAT and HINCRBYFLOAT do. errMsg is
// ErrNotFloat when either is not a valid float, ErrNaNOrInf when the result is not finite.
// curIsInt tells that cur is an integer (an int-encoded value), read exactly.
func IncrLongDouble(cur string, incr string) (string, string) {
	a, ainf, ok := ParseLongDouble(cur)
	if !ok {
		return "", ErrNotFloat
	}
	b, binf, ok := ParseLongDouble(incr)
	if !ok {
		return "", ErrNotFloat
	}
	if ainf != 0 || binf != 0 {
		return "", ErrNaNOrInf
	}
	sum := new(big.Float).SetPrec(ldPrec).SetMode(big.ToNearestEven)
	sum.Add(a, b)
	if sum.Sign() != 0 && sum.MantExp(nil) > ldMaxExp {
		return "", ErrNaNOrInf
	}
	return FormatLongDoubleHuman(sum), ""
}
