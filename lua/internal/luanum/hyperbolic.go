package luanum

import "math"

// sinh, cosh and tanh as glibc 2.36 computes them on x86-64: the fdlibm formulas of
// e_sinh.c, e_cosh.c and s_tanh.c (plain SSE2 arithmetic, no FMA) over glibc's own expm1 and
// exp (expm1.go, glibcexp.go), with the thresholds tested on the high word of |x| as glibc
// does:
//
//	sinh x = (E + E/(E+1)) / 2, E = expm1(|x|), for |x| < 22 (2E - E*E/(E+1) below 1)
//	cosh x = 1 + E*E/(2(1+E)) below ln2/2, (e + 1/e)/2 below 22, e/2 above, e = exp(|x|)
//	tanh x = -t/(t+2), t = expm1(-2|x|), below 1; 1 - 2/(t+2), t = expm1(2|x|), below 22

// highWord returns the high 32 bits of |x|.
func highWord(x float64) uint32 { return uint32(math.Float64bits(x)>>32) & 0x7fffffff }

// belowOverflow reports whether |x| is at most the threshold above which sinh and cosh
// overflow (0x408633ce 8fb9f87d, about 710.4758600739439).
func belowOverflow(x float64) bool {
	b := math.Float64bits(x) & 0x7fffffffffffffff
	return b <= 0x408633ce8fb9f87d
}

// Sinh is C's sinh.
func Sinh(x float64) float64 {
	ix := highWord(x)
	if ix >= 0x7ff00000 {
		return x + x
	}
	h := 0.5
	if x < 0 {
		h = -0.5
	}
	a := math.Abs(x)
	switch {
	case ix < 0x40360000: // |x| < 22
		if ix < 0x3e300000 { // |x| < 2^-28
			return x
		}
		t := glibcExpm1(a)
		if ix < 0x3ff00000 {
			return h * (2*t - float64(t*t)/(t+1))
		}
		return h * (t + t/(t+1))
	case ix < 0x40862e42: // |x| below log(MaxFloat64), by the high word
		return h * glibcExp(a)
	case belowOverflow(x):
		w := glibcExp(0.5 * a)
		t := h * w
		return t * w
	}
	return x * math.Inf(1) // overflow
}

// Cosh is C's cosh.
func Cosh(x float64) float64 {
	ix := highWord(x)
	a := math.Abs(x)
	switch {
	case ix < 0x40360000: // |x| < 22
		if ix < 0x3fd62e43 { // |x| below ln2/2, by the high word
			if ix < 0x3c800000 {
				return 1
			}
			t := glibcExpm1(a)
			w := 1 + t
			return 1 + float64(t*t)/(w+w)
		}
		t := glibcExp(a)
		return float64(0.5*t) + 0.5/t
	case ix < 0x40862e42:
		return 0.5 * glibcExp(a)
	case ix >= 0x7ff00000:
		return x * x
	case belowOverflow(x):
		w := glibcExp(0.5 * a)
		t := 0.5 * w
		return t * w
	}
	return math.Inf(1)
}

// Tanh is C's tanh.
func Tanh(x float64) float64 {
	ix := highWord(x)
	if ix >= 0x7ff00000 {
		if x != x {
			return x
		}
		if x > 0 {
			return 1
		}
		return -1
	}
	var z float64
	switch {
	case x == 0:
		return x
	case ix < 0x3c800000: // |x| < 2^-55
		return x * (1 + x)
	case ix >= 0x40360000: // |x| >= 22
		z = 1
	case ix >= 0x3ff00000: // |x| >= 1
		t := glibcExpm1(2 * math.Abs(x))
		z = 1 - 2/(t+2)
	default:
		t := glibcExpm1(-2 * math.Abs(x))
		z = -t / (t + 2)
	}
	if x < 0 {
		return -z
	}
	return z
}
