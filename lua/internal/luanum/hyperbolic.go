package luanum

import "math"

// sinh, cosh and tanh as glibc computes them: the classic formulas over expm1 and exp (which
// glibc does not round correctly as a whole), here over the correctly rounded expm1 and exp.
// The formulas are the ones documented for the fdlibm family:
//
//	sinh x = (E + E/(E+1)) / 2, E = expm1(|x|), for |x| < 22 (2E - E*E/(E+1) below 1)
//	cosh x = 1 + E*E/(2(1+E)) below ln2/2, (e + 1/e)/2 below 22, e/2 above, e = exp(|x|)
//	tanh x = -t/(t+2), t = expm1(-2|x|), below 1; 1 - 2/(t+2), t = expm1(2|x|), below 22

const (
	lnMaxDouble = 7.09782712893383973096e+02 // log(MaxFloat64)
	overflowAt  = 710.4758600739439          // above it sinh and cosh overflow
)

// crExpm1 is the correctly rounded exp(x) - 1.
func crExpm1(x float64) float64 {
	tables()
	switch {
	case x != x:
		return x
	case x > 710:
		return math.Inf(1)
	case x < -40:
		return -1
	case math.Abs(x) < 0x1p-54:
		return x
	case math.Abs(x) <= math.Ln2/256:
		return expm1Tiny(dd{x, 0}).hi
	}
	m, k := ddExp(dd{x, 0})
	return ddAddF(dd{math.Ldexp(m.hi, k), math.Ldexp(m.lo, k)}, -1).hi
}

// Sinh is C's sinh.
func Sinh(x float64) float64 {
	if x != x || math.IsInf(x, 0) {
		return x
	}
	h := 0.5
	if x < 0 {
		h = -0.5
	}
	a := math.Abs(x)
	switch {
	case a < 22:
		if a < 0x1p-28 {
			return x
		}
		t := crExpm1(a)
		if a < 1 {
			return h * (2*t - float64(t*t)/(t+1))
		}
		return h * (t + t/(t+1))
	case a < lnMaxDouble:
		return h * crExp(a)
	case a <= overflowAt:
		w := crExp(0.5 * a)
		t := h * w
		return t * w
	}
	return x * math.Inf(1) // overflow
}

// Cosh is C's cosh.
func Cosh(x float64) float64 {
	if x != x {
		return x
	}
	a := math.Abs(x)
	switch {
	case math.IsInf(x, 0):
		return a
	case a < 0.5*math.Ln2:
		t := crExpm1(a)
		w := 1 + t
		if a < 0x1p-55 {
			return w
		}
		return 1 + float64(t*t)/(w+w)
	case a < 22:
		t := crExp(a)
		return float64(0.5*t) + 0.5/t
	case a < lnMaxDouble:
		return 0.5 * crExp(a)
	case a <= overflowAt:
		w := crExp(0.5 * a)
		t := 0.5 * w
		return t * w
	}
	return math.Inf(1)
}

// Tanh is C's tanh.
func Tanh(x float64) float64 {
	if x != x {
		return x
	}
	a := math.Abs(x)
	var z float64
	switch {
	case math.IsInf(x, 0):
		z = 1
	case a < 22:
		if a < 0x1p-55 {
			return x * (1 + x)
		}
		if a >= 1 {
			t := crExpm1(2 * a)
			z = 1 - 2/(t+2)
		} else {
			t := crExpm1(-2 * a)
			z = -t / (t + 2)
		}
	default:
		z = 1
	}
	if x < 0 {
		return -z
	}
	return z
}
