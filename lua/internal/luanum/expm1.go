package luanum

import "math"

// glibcExpm1 is expm1 exactly as glibc 2.36 computes it on x86-64 with FMA (the fdlibm
// algorithm in sysdeps/ieee754/dbl-64/s_expm1.c, as the multiarch FMA build contracts it).
// glibc's sinh and tanh are built on it, and it is not correctly rounded, so they can only
// match glibc bit for bit over this very function. Every product that the FMA build keeps
// separate is rounded with an explicit float64 conversion, so the Go compiler cannot fuse it.
func glibcExpm1(x float64) float64 {
	const (
		ln2Hi      = 6.93147180369123816490e-01 // 0x3fe62e42fee00000
		ln2Lo      = 1.90821492927058770002e-10 // 0x3dea39ef35793c76
		invLn2     = 1.44269504088896338700e+00 // 0x3ff71547652b82fe
		q1         = -3.33333333333331316428e-02
		q2         = 1.58730158725481460165e-03
		q3         = -7.93650757867487942473e-05
		q4         = 4.00821782732936239552e-06
		q5         = -2.01099218183624371326e-07
		tiny       = 1.0e-300
		oThreshold = 7.09782712893383973096e+02
	)
	bits := math.Float64bits(x)
	hx := uint32(bits>>32) & 0x7fffffff
	neg := bits>>63 != 0

	// huge and non-finite arguments
	if hx >= 0x4043687a { // |x| >= 56 ln2
		if hx >= 0x40862e42 { // |x| >= 709.78...
			if hx >= 0x7ff00000 {
				if x != x {
					return x + x
				}
				if neg {
					return -1
				}
				return x
			}
			if x > oThreshold {
				return math.Inf(1)
			}
		}
		if neg {
			return tiny - 1
		}
	}

	// argument reduction: x = hi - lo = k ln2 + r, c the rounding error of r
	var hi, lo, c float64
	var k int32
	switch {
	case hx > 0x3fd62e42: // |x| > ln2/2
		if hx < 0x3ff0a2b2 { // and |x| < 1.5 ln2
			if !neg {
				hi, lo, k = x-ln2Hi, ln2Lo, 1
			} else {
				hi, lo, k = x+ln2Hi, -ln2Lo, -1
			}
		} else {
			half := 0.5
			if neg {
				half = -0.5
			}
			k = int32(float64(invLn2*x) + half)
			t := float64(k)
			hi = math.FMA(-t, ln2Hi, x)
			lo = float64(t * ln2Lo)
		}
		x = hi - lo
		c = (hi - x) - lo
	case hx < 0x3c900000: // |x| < 2^-54
		return x
	default:
		k = 0
	}

	// x is in the primary range
	hfx := float64(0.5 * x)
	hxs := float64(x * hfx)
	r2 := math.FMA(hxs, q3, q2)
	r3 := math.FMA(hxs, q5, q4)
	h2 := float64(hxs * hxs)
	r1 := math.FMA(hxs, q1, 1)
	h4 := float64(h2 * h2)
	r1 = math.FMA(h4, r3, math.FMA(h2, r2, r1))
	t := math.FMA(-r1, hfx, 3)
	e := float64(float64((r1-t)/math.FMA(-x, t, 6)) * hxs)
	if k == 0 {
		return x - math.FMA(e, x, -hxs)
	}
	e = math.FMA(e-c, x, -c)
	e -= hxs
	switch {
	case k == -1:
		return math.FMA(0.5, x-e, -0.5)
	case k == 1:
		if x < -0.25 {
			return float64(e-(x+0.5)) * -2
		}
		return math.FMA(x-e, 2, 1)
	case k <= -2 || k > 56: // exp(x)-1 is exp(x) to double precision
		y := 1 - (e - x)
		return addExponent(y, k) - 1
	case k < 20:
		t := math.Float64frombits(uint64(0x3ff00000-(0x200000>>uint(k))) << 32) // 1 - 2^-k
		return addExponent(t-(e-x), k)
	}
	t = math.Float64frombits(uint64(0x3ff-k) << 52) // 2^-k
	y := x - (e + t)
	y++
	return addExponent(y, k)
}

// addExponent adds k to the exponent field of y, as fdlibm does on the high word.
func addExponent(y float64, k int32) float64 {
	b := math.Float64bits(y)
	high := uint32(b>>32) + uint32(k)<<20
	return math.Float64frombits(uint64(high)<<32 | b&0xffffffff)
}
