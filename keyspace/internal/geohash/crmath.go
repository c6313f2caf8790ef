package geohash

import "math"

// Correctly rounded sine, cosine and arcsine.
//
// Redis computes distances with the C library's sin, cos and asin. glibc 2.36's return the double
// nearest to the true value in all but about one call in a thousand (measured; they are accurate
// to within 0.55 units in the last place, not correctly rounded), while Go's math package is
// off by one unit far more often, and a distance stored by STOREDIST shows all 17 digits. These
// functions evaluate in double-double arithmetic (about 106 bits) and round once, which agrees
// with glibc wherever glibc rounds correctly.

// dd is an unevaluated sum hi + lo with |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

func twoSum(a, b float64) dd {
	s := a + b
	bb := s - a
	return dd{s, (a - (s - bb)) + (b - bb)}
}

func quickTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

func twoProd(a, b float64) dd {
	p := a * b
	return dd{p, math.FMA(a, b, -p)}
}

func (a dd) add(b dd) dd {
	s := twoSum(a.hi, b.hi)
	t := twoSum(a.lo, b.lo)
	s.lo += t.hi
	s = quickTwoSum(s.hi, s.lo)
	s.lo += t.lo
	return quickTwoSum(s.hi, s.lo)
}

func (a dd) neg() dd { return dd{-a.hi, -a.lo} }

func (a dd) mul(b dd) dd {
	p := twoProd(a.hi, b.hi)
	p.lo += a.hi*b.lo + a.lo*b.hi
	return quickTwoSum(p.hi, p.lo)
}

func (a dd) mulF(b float64) dd {
	p := twoProd(a.hi, b)
	p.lo += a.lo * b
	return quickTwoSum(p.hi, p.lo)
}

// divF divides by a double (one correction step).
func (a dd) divF(b float64) dd {
	q1 := a.hi / b
	r := a.add(twoProd(q1, b).neg())
	q2 := r.hi / b
	r = r.add(twoProd(q2, b).neg())
	q3 := r.hi / b
	q := quickTwoSum(q1, q2)
	return q.add(dd{q3, 0})
}

// π/2 as the sum of three doubles, for the argument reduction.
const (
	pio2a = 1.5707963267948966192313216916397514
	pio2b = 6.123233995736766035868820147291818e-17
	pio2c = -1.4973849048591698329435700899228e-33
)

var pio2 = struct{ a, b, c float64 }{pio2a, pio2b, pio2c}

// invFact[k] = 1/k! as double-double, for the series.
var invFact = func() [32]dd {
	var t [32]dd
	t[0] = dd{1, 0}
	for k := 1; k < len(t); k++ {
		t[k] = t[k-1].divF(float64(k))
	}
	return t
}()

// seriesTerms returns how many terms of the sine or cosine series in r² make the remainder
// negligible (below 2^-110 relative) for |r| <= a bit more than π/4.
func seriesTerms(r2 float64) int {
	t := 1.0
	k := 1
	for ; k < len(invFact)/2-1; k++ {
		t *= r2 / float64((2*k)*(2*k+1))
		if t < 7e-34 {
			break
		}
	}
	return k + 1
}

// sinReduced returns sin(r) for |r| <= π/4 by its Taylor series, evaluated by Horner's rule:
// r·(1 - r²/3! + r⁴/5! - ...).
func sinReduced(r dd) dd {
	r2 := r.mul(r)
	n := seriesTerms(r2.hi)
	p := invFact[2*n+1]
	if n%2 == 1 {
		p = p.neg()
	}
	for k := n - 1; k >= 0; k-- {
		c := invFact[2*k+1]
		if k%2 == 1 {
			c = c.neg()
		}
		p = p.mul(r2).add(c)
	}
	return p.mul(r)
}

// cosReduced returns cos(r) for |r| <= π/4: 1 - r²/2! + r⁴/4! - ....
func cosReduced(r dd) dd {
	r2 := r.mul(r)
	n := seriesTerms(r2.hi)
	p := invFact[2*n]
	if n%2 == 1 {
		p = p.neg()
	}
	for k := n - 1; k >= 0; k-- {
		c := invFact[2*k]
		if k%2 == 1 {
			c = c.neg()
		}
		p = p.mul(r2).add(c)
	}
	return p
}

// reduce returns r = x - k·π/2 with |r| <= π/4 (about), and k mod 4.
func reduce(x dd) (dd, int) {
	k := math.Round(x.hi / pio2a)
	r := x.add(twoProd(k, pio2.a).neg())
	r = r.add(twoProd(k, pio2.b).neg())
	r = r.add(twoProd(k, pio2.c).neg())
	return r, int(int64(k) & 3)
}

// reduceOK tells whether the reduction above is accurate for x.
func reduceOK(x float64) bool { return math.Abs(x) < 1e6 }

func sinDD(x dd) dd {
	r, q := reduce(x)
	switch q {
	case 0:
		return sinReduced(r)
	case 1:
		return cosReduced(r)
	case 2:
		return sinReduced(r).neg()
	}
	return cosReduced(r).neg()
}

func cosDD(x dd) dd {
	r, q := reduce(x)
	switch q {
	case 0:
		return cosReduced(r)
	case 1:
		return sinReduced(r).neg()
	case 2:
		return cosReduced(r).neg()
	}
	return sinReduced(r)
}

// sin is the correctly rounded sine.
func sin(x float64) float64 {
	if x == 0 || !reduceOK(x) || math.IsNaN(x) {
		return math.Sin(x)
	}
	return sinDD(dd{x, 0}).hi
}

// cos is the correctly rounded cosine.
func cos(x float64) float64 {
	if !reduceOK(x) || math.IsNaN(x) {
		return math.Cos(x)
	}
	return cosDD(dd{x, 0}).hi
}

// asin is the correctly rounded arcsine: Newton steps on sin(y) = x from Go's estimate, which
// is within an ulp, so one step reaches double-double accuracy (two near 1, where the
// convergence is slower).
func asin(x float64) float64 {
	if x == 0 || math.IsNaN(x) || x > 1 || x < -1 {
		return math.Asin(x)
	}
	y := dd{math.Asin(x), 0}
	steps := 1
	if math.Abs(x) > 0.9 {
		steps = 2
	}
	for i := 0; i < steps; i++ {
		c := math.Cos(y.hi)
		if c == 0 {
			break
		}
		e := sinDD(y).add(dd{-x, 0}) // sin(y) - x
		y = y.add(dd{-e.hi / c, 0})
	}
	return y.hi
}
