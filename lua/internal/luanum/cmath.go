package luanum

import (
	"math"

	"github.com/redmoon-dev/redmoon/internal/libm"
)

// C math functions as glibc computes them on x86-64, for Lua 5.1's math library and the ^
// operator. sin, cos, tan, asin and acos are glibc's own evaluations
// (package internal/libm); log, pow, atan and atan2 are correctly rounded (see crmath.go), as
// glibc's are for all but about one argument in 400; exp and expm1 are glibc's
// own evaluations as its FMA build runs them (glibcexp.go, expm1.go), and sinh, cosh and tanh
// glibc's formulas over them (hyperbolic.go), so these match glibc bit for bit; log10 is
// glibc's formula over the correctly rounded log. NaN signs are glibc's: an invalid operation
// gives the x86 default NaN, which has its sign bit set and prints as "-nan", except where
// glibc returns a positive NaN; a NaN argument comes back unchanged.

var (
	negNaN = math.Float64frombits(0xFFF8000000000000) // x86's default NaN
	posNaN = math.Float64frombits(0x7FF8000000000000)
)

// unary applies f, returning a NaN argument unchanged and invalid for an invalid operation.
func unary(x, r, invalid float64) float64 {
	if r == r {
		return r
	}
	if x != x {
		return x
	}
	return invalid
}

// Sin is C's sin.
func Sin(x float64) float64 {
	if x != x || math.IsInf(x, 0) {
		return unary(x, math.Sin(x), negNaN)
	}
	return libm.Sin(x)
}

// Cos is C's cos.
func Cos(x float64) float64 {
	if x != x || math.IsInf(x, 0) {
		return unary(x, math.Cos(x), negNaN)
	}
	return libm.Cos(x)
}

// Tan is C's tan.
func Tan(x float64) float64 {
	if x != x || math.IsInf(x, 0) {
		return unary(x, math.Tan(x), negNaN)
	}
	return libm.Tan(x)
}

// Asin is C's asin.
func Asin(x float64) float64 {
	if x != x || math.Abs(x) > 1 {
		return unary(x, math.Asin(x), posNaN)
	}
	return libm.Asin(x)
}

// Acos is C's acos.
func Acos(x float64) float64 {
	if x != x || math.Abs(x) > 1 {
		return unary(x, math.Acos(x), posNaN)
	}
	return libm.Acos(x)
}

// Atan is C's atan.
func Atan(x float64) float64 { return crAtan(x) }

// Exp is C's exp (glibc's own evaluation, not correctly rounded: see glibcexp.go).
func Exp(x float64) float64 {
	if x != x {
		return x
	}
	return glibcExp(x)
}

// Sqrt is C's sqrt.
func Sqrt(x float64) float64 { return unary(x, math.Sqrt(x), negNaN) }

// Floor is C's floor.
func Floor(x float64) float64 { return unary(x, math.Floor(x), negNaN) }

// Ceil is C's ceil.
func Ceil(x float64) float64 { return unary(x, math.Ceil(x), negNaN) }

// normalize scales a subnormal x into the normal range: x = m * 2^-e.
func normalize(x float64) (float64, int) {
	if x != 0 && math.Abs(x) < 0x1p-1022 {
		return x * 0x1p54, 54
	}
	return x, 0
}

// Log is C's log.
func Log(x float64) float64 { return crLog(x) }

// Log10 is C's log10 (which returns a positive NaN for negative arguments).
func Log10(x float64) float64 { return crLog10(x) }

// Atan2 is C's atan2(y, x).
func Atan2(y, x float64) float64 { return crAtan2(y, x) }

// atan2Special is atan2 for NaNs, zeros and infinities, and Go's atan2 otherwise.
func atan2Special(y, x float64) float64 {
	if x != x {
		return x
	}
	if y != y {
		return y
	}
	return math.Atan2(y, x)
}

// Fmod is C's fmod.
func Fmod(x, y float64) float64 {
	if x != x {
		return x
	}
	if y != y {
		return y
	}
	if y == 0 || math.IsInf(x, 0) {
		return negNaN
	}
	return math.Mod(x, y)
}

// isOddInt reports whether y is an odd integer.
func isOddInt(y float64) bool {
	if math.Abs(y) >= 1<<53 {
		return false
	}
	return y == math.Trunc(y) && math.Mod(y, 2) != 0
}

// Pow is C's pow.
func Pow(x, y float64) float64 { return crPow(x, y) }

// powSpecial is pow for the special values (and Go's pow otherwise).
func powSpecial(x, y float64) float64 {
	switch {
	case y == 0:
		return 1
	case x == 1:
		return 1
	case y != y || math.IsInf(y, 0):
		if x != x {
			return x
		}
		if y != y {
			return y
		}
	case x != x:
		// glibc squares the NaN (keeping it), flips its sign for an odd power of a negative
		// NaN and inverts it for a negative power (keeping it again).
		if math.Signbit(x) && isOddInt(y) {
			return math.Float64frombits(math.Float64bits(x) ^ 1<<63)
		}
		return x
	case x < 0 && !math.IsInf(x, 0) && y != math.Trunc(y):
		return negNaN
	}
	return math.Pow(x, y)
}
