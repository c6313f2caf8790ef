package geohash

import (
	"math"

	"github.com/redmoon-dev/redmoon/internal/libm"
)

// sin, cos and asin are the C library's as redis-server calls them: glibc 2.36's on x86-64, bit
// for bit (package libm), so distances stored with all 17 digits (STOREDIST) match Redis's.
// Arguments libm leaves to its callers (NaN, infinities, |x| > 1 for asin) give NaN either way
// and go to the math package.

func sin(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.Sin(x)
	}
	return libm.Sin(x)
}

func cos(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.Cos(x)
	}
	return libm.Cos(x)
}

func asin(x float64) float64 {
	if !(x >= -1 && x <= 1) {
		return math.Asin(x)
	}
	return libm.Asin(x)
}
