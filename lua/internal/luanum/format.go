package luanum

import (
	"math"
	"strconv"
)

// AppendNumber appends the Lua 5.1 string form of f (C's "%.14g") to dst and returns the
// extended slice.
func AppendNumber(dst []byte, f float64) []byte {
	// Integers of at most 14 digits print exactly; -0 keeps its sign as in C.
	if f > -1e14 && f < 1e14 {
		if i := int64(f); float64(i) == f {
			if i == 0 && math.Signbit(f) {
				return append(dst, '-', '0')
			}
			return strconv.AppendInt(dst, i, 10)
		}
	}
	switch {
	case f != f:
		if math.Signbit(f) {
			return append(dst, "-nan"...)
		}
		return append(dst, "nan"...)
	case f > math.MaxFloat64:
		return append(dst, "inf"...)
	case f < -math.MaxFloat64:
		return append(dst, "-inf"...)
	}
	return strconv.AppendFloat(dst, f, 'g', 14, 64)
}

// smallInts holds the string forms of the integers 0 to 255, so that converting them allocates
// nothing.
var smallInts [256]string

func init() {
	for i := range smallInts {
		smallInts[i] = strconv.Itoa(i)
	}
}

// FormatNumber returns the Lua 5.1 string form of f (C's "%.14g").
func FormatNumber(f float64) string {
	if f >= 0 && f < 256 {
		if i := int(f); float64(i) == f && !(i == 0 && math.Signbit(f)) {
			return smallInts[i]
		}
	}
	var buf [32]byte
	return string(AppendNumber(buf[:0], f))
}
