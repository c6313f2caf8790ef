package luanum

import (
	"github.com/redmoon-dev/redmoon/internal/libm"

	"math"
	"math/big"
	"sync"
)

// Correctly rounded exp, log, sin, cos, tan, asin, acos, atan, atan2 and pow. glibc's versions
// of these functions return the correctly rounded result for all but a tiny fraction of
// arguments, so computing the correctly rounded result is the way to print what PUC Lua prints.
//
// Each function evaluates in double-double arithmetic with an error below 2^-90 relative and
// rounds once: the result is the correctly rounded one unless the exact value lies within that
// error of a rounding boundary (a probability around 2^-37 per call).

var (
	ln2Parts    [3]float64 // ln 2 = ln2Parts[0] + ln2Parts[1] + ln2Parts[2] (to about 160 bits)
	ln2DD       dd
	piDD        dd
	halfPiDD    dd
	halfPiParts [4]float64 // pi/2 in four 53-bit parts, for Cody-Waite reduction
	invFact     [32]dd     // 1/n!
	invOdd      [40]dd     // 1/(2n+1)
	exp2Table   [128]dd    // 2^(j/128)

	bigHalfPiOnce sync.Once
	bigHalfPi     *big.Float // pi/2 to 1400 bits, for reducing huge arguments
)

const invHalfPi = 0.63661977236758134308 // 2/pi

var tablesOnce sync.Once

// tables computes the constants of the correctly rounded functions on first use.
func tables() { tablesOnce.Do(initTables) }

func initTables() {
	const prec = 400
	pi := libm.Pi(prec)
	piDD = ddFromBig(pi)
	half := new(big.Float).SetPrec(prec).Quo(pi, big.NewFloat(2))
	halfPiDD = ddFromBig(half)
	splitParts(half, halfPiParts[:])
	// ln 2 = 2 atanh(1/3) = 2 sum 1/((2k+1) 3^(2k+1))
	third := new(big.Float).SetPrec(prec).Quo(big.NewFloat(1).SetPrec(prec), big.NewFloat(3).SetPrec(prec))
	ninth := new(big.Float).SetPrec(prec).Mul(third, third)
	sum := new(big.Float).SetPrec(prec)
	pow := new(big.Float).SetPrec(prec).Set(third)
	for k := 0; k < 200; k++ {
		t := new(big.Float).SetPrec(prec).Quo(pow, new(big.Float).SetPrec(prec).SetInt64(int64(2*k+1)))
		sum.Add(sum, t)
		pow.Mul(pow, ninth)
	}
	ln2 := sum.Mul(sum, big.NewFloat(2))
	ln2DD = ddFromBig(ln2)
	splitParts(ln2, ln2Parts[:])
	// 2^(1/128) by seven square roots, then its powers.
	root := new(big.Float).SetPrec(prec).SetInt64(2)
	for i := 0; i < 7; i++ {
		root.Sqrt(root)
	}
	pw := new(big.Float).SetPrec(prec).SetInt64(1)
	for j := range exp2Table {
		exp2Table[j] = ddFromBig(pw)
		pw.Mul(pw, root)
	}
	f := new(big.Float).SetPrec(prec).SetInt64(1)
	for n := range invFact {
		if n > 0 {
			f.Mul(f, new(big.Float).SetPrec(prec).SetInt64(int64(n)))
		}
		invFact[n] = ddFromBig(new(big.Float).SetPrec(prec).Quo(big.NewFloat(1).SetPrec(prec), f))
	}
	for n := range invOdd {
		invOdd[n] = ddFromBig(new(big.Float).SetPrec(prec).Quo(big.NewFloat(1).SetPrec(prec), new(big.Float).SetPrec(prec).SetInt64(int64(2*n+1))))
	}
}

// splitParts writes x as a sum of doubles of 53 bits each.
func splitParts(x *big.Float, parts []float64) {
	r := new(big.Float).SetPrec(x.Prec()).Set(x)
	for i := range parts {
		parts[i], _ = r.Float64()
		r.Sub(r, new(big.Float).SetFloat64(parts[i]))
	}
}

// roundScaled returns the double nearest to v * 2^k for a normalized v.
func roundScaled(v dd, k int) float64 {
	hi := math.Ldexp(v.hi, k)
	if math.Abs(hi) >= 0x1p-1022 || hi == 0 && v.hi == 0 {
		return hi
	}
	// A subnormal result: round the exact sum at the reduced precision.
	b := new(big.Float).SetPrec(200).SetFloat64(v.hi)
	b.Add(b, new(big.Float).SetFloat64(v.lo))
	b.SetMantExp(b, k)
	r, _ := b.Float64()
	return r
}

// expm1Tiny returns exp(r) - 1 for |r| <= ln(2)/256 (Taylor series to r^11/11!).
func expm1Tiny(r dd) dd {
	p := invFact[11]
	for n := 10; n >= 1; n-- {
		p = ddAdd(ddMul(p, r), invFact[n])
	}
	return ddMul(p, r)
}

// ddExp returns m and k with exp(x) = m * 2^k, m in [1, 2): x = (128k + j) ln2/128 + r,
// exp(x) = 2^k * 2^(j/128) * exp(r).
func ddExp(x dd) (dd, int) {
	n := math.Round(x.hi * (128 / math.Ln2))
	p0, e0 := twoProd(n, ln2Parts[0]/128)
	p1, e1 := twoProd(n, ln2Parts[1]/128)
	r := ddSub(x, dd{p0, e0})
	r = ddSub(r, dd{p1, e1})
	r = ddAddF(r, -n*(ln2Parts[2]/128))
	ni := int(n)
	j := ni & 127
	k := (ni - j) / 128
	t := exp2Table[j]
	return ddAdd(t, ddMul(t, expm1Tiny(r))), k
}

func crExp(x float64) float64 {
	tables()
	switch {
	case x != x:
		return x
	case x > 710:
		return math.Inf(1)
	case x < -746:
		return 0
	case math.Abs(x) < 0x1p-54:
		return 1 + x
	}
	m, k := ddExp(dd{x, 0})
	return roundScaled(m, k)
}

// ddLogNormal returns log(x) for a normal positive x.
func ddLogNormal(x float64) dd {
	if x > 0.9 && x < 1.1 {
		// log x = 2 atanh(s), s = (x-1)/(x+1)
		num := x - 1 // exact
		d1, d2 := twoSum(x, 1)
		s := ddDiv(dd{num, 0}, dd{d1, d2})
		s2 := ddMul(s, s)
		p := invOdd[24]
		for n := 23; n >= 0; n-- {
			p = ddAdd(ddMul(p, s2), invOdd[n])
		}
		return ddMulF(ddMul(p, s), 2)
	}
	y0 := math.Log(x)
	m, k := ddExp(dd{-y0, 0})
	t := ddAddF(ddMulF(dd{math.Ldexp(m.hi, k), math.Ldexp(m.lo, k)}, x), -1)
	// log(1+t) = t - t^2/2 + t^3/3
	t2 := ddMul(t, t)
	corr := ddAdd(t, ddMulF(t2, -0.5))
	corr = ddAdd(corr, ddMul(ddMul(t2, t), invOdd[1]))
	return ddAddF(corr, y0)
}

// ddLog returns log(x) for a finite positive x.
func ddLog(x float64) dd {
	m, e := normalize(x)
	l := ddLogNormal(m)
	if e != 0 {
		l = ddSub(l, ddMulF(ln2DD, float64(e)))
	}
	return l
}

func crLog(x float64) float64 {
	tables()
	switch {
	case x != x:
		return x
	case x < 0:
		return negNaN
	case x == 0:
		return math.Inf(-1)
	case math.IsInf(x, 1):
		return x
	case x == 1:
		return 0
	}
	return ddLog(x).hi
}

// reduce returns r and q with x = q*(pi/2) + r, |r| <= about pi/4.
func reduce(x float64) (dd, int) {
	if x != x || math.IsInf(x, 0) {
		return dd{math.NaN(), 0}, 0
	}
	if math.Abs(x) <= math.Pi/4 {
		return dd{x, 0}, 0
	}
	if math.Abs(x) < 0x1p26 {
		k := math.Round(x * invHalfPi)
		r := dd{x, 0}
		for i := 0; i < 3; i++ {
			p, e := twoProd(k, halfPiParts[i])
			r = ddSub(r, dd{p, e})
		}
		r = ddAddF(r, -k*halfPiParts[3])
		return r, int(int64(k) & 3)
	}
	bigHalfPiOnce.Do(func() {
		bigHalfPi = new(big.Float).SetPrec(1400).Quo(libm.Pi(1400), big.NewFloat(2))
	})
	bx := new(big.Float).SetPrec(1400).SetFloat64(x)
	q := new(big.Float).SetPrec(1400).Quo(bx, bigHalfPi)
	qi, _ := q.Int(nil)
	// Round to nearest: compare the remainder with a quarter turn either side.
	qf := new(big.Float).SetPrec(1400).SetInt(qi)
	r := new(big.Float).SetPrec(1400).Sub(bx, new(big.Float).SetPrec(1400).Mul(qf, bigHalfPi))
	quarter := new(big.Float).SetPrec(1400).Quo(bigHalfPi, big.NewFloat(2))
	if r.Cmp(quarter) > 0 {
		qi.Add(qi, bigOne)
		r.Sub(r, bigHalfPi)
	} else if r.Cmp(new(big.Float).Neg(quarter)) < 0 {
		qi.Sub(qi, bigOne)
		r.Add(r, bigHalfPi)
	}
	return ddFromBig(r), int(qi.Int64() & 3)
}

// sinCosDD returns sin r and cos r for |r| <= about pi/4, by their Taylor series:
// sin r = r * sum (-1)^n r^(2n) / (2n+1)!, cos r = sum (-1)^n r^(2n) / (2n)!, n <= 15.
func sinCosDD(r dd) (dd, dd) {
	signed := func(n int, v dd) dd {
		if n%2 == 1 {
			return ddNeg(v)
		}
		return v
	}
	r2 := ddMul(r, r)
	s := signed(15, invFact[31])
	c := signed(15, invFact[30])
	for n := 14; n >= 0; n-- {
		s = ddAdd(ddMul(s, r2), signed(n, invFact[2*n+1]))
		c = ddAdd(ddMul(c, r2), signed(n, invFact[2*n]))
	}
	return ddMul(s, r), c
}

// sinCosOf returns sin x and cos x in double-double.
func sinCosOf(x float64) (dd, dd) {
	r, q := reduce(x)
	s, c := sinCosDD(r)
	switch q {
	case 1:
		return c, ddNeg(s)
	case 2:
		return ddNeg(s), ddNeg(c)
	case 3:
		return ddNeg(c), s
	}
	return s, c
}

func crSin(x float64) float64 {
	tables()
	if x != x || math.IsInf(x, 0) {
		return unary(x, math.Sin(x), negNaN)
	}
	if math.Abs(x) < 0x1p-26 {
		return x
	}
	s, _ := sinCosOf(x)
	return s.hi
}

func crCos(x float64) float64 {
	tables()
	if x != x || math.IsInf(x, 0) {
		return unary(x, math.Cos(x), negNaN)
	}
	if math.Abs(x) < 0x1p-27 {
		return 1
	}
	_, c := sinCosOf(x)
	return c.hi
}

func crTan(x float64) float64 {
	tables()
	if x != x || math.IsInf(x, 0) {
		return unary(x, math.Tan(x), negNaN)
	}
	if math.Abs(x) < 0x1p-27 {
		return x
	}
	s, c := sinCosOf(x)
	return ddDiv(s, c).hi
}

// atanDD returns atan(q) for a finite q in double-double.
func atanDD(q dd) dd {
	a := math.Abs(q.hi)
	switch {
	case a > 0x1p60:
		return ddSub(dd{math.Copysign(halfPiDD.hi, q.hi), math.Copysign(halfPiDD.lo, q.hi)}, ddDiv(dd{1, 0}, q))
	case a < 0x1p-27:
		return ddSub(q, ddMul(ddMul(q, ddMul(q, q)), invOdd[1]))
	}
	y0 := math.Atan(q.hi)
	s, c := sinCosOf(y0)
	num := ddSub(s, ddMul(q, c))
	den := c.hi + q.hi*s.hi
	return ddAddF(dd{y0, 0}, -(num.hi+num.lo)/den)
}

func crAtan(x float64) float64 {
	tables()
	if x != x {
		return x
	}
	if math.IsInf(x, 0) {
		return math.Copysign(halfPiDD.hi, x)
	}
	if math.Abs(x) < 0x1p-27 {
		return x
	}
	return atanDD(dd{x, 0}).hi
}

// asinDD returns asin x for |x| < 1 in double-double.
func asinDD(x float64) dd {
	y0 := math.Asin(x)
	s, c := sinCosOf(y0)
	num := ddSub(dd{x, 0}, s)
	return ddAddF(dd{y0, 0}, (num.hi+num.lo)/(c.hi+c.lo))
}

func crAsin(x float64) float64 {
	tables()
	a := math.Abs(x)
	switch {
	case x != x || a > 1:
		return unary(x, math.Asin(x), posNaN)
	case a == 1:
		return math.Copysign(halfPiDD.hi, x)
	case a < 0x1p-26:
		return x
	}
	return asinDD(x).hi
}

func crAcos(x float64) float64 {
	tables()
	a := math.Abs(x)
	switch {
	case x != x || a > 1:
		return unary(x, math.Acos(x), posNaN)
	case x == 1:
		return 0
	case x == -1:
		return piDD.hi
	case a < 0x1p-57:
		return halfPiDD.hi
	}
	return ddSub(halfPiDD, asinDD(x)).hi
}

func crAtan2(y, x float64) float64 {
	tables()
	if x != x || y != y || x == 0 || y == 0 || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return atan2Special(y, x)
	}
	if a := math.Abs(y / x); !(a > 0x1p-1000 && a < 0x1p1000) {
		return math.Atan2(y, x) // the quotient is out of the double-double's comfortable range
	}
	q := ddDiv(dd{y, 0}, dd{x, 0})
	r := atanDD(q)
	if x < 0 {
		if y > 0 {
			r = ddAdd(r, piDD)
		} else {
			r = ddSub(r, piDD)
		}
	}
	return r.hi
}

func crPow(x, y float64) float64 {
	tables()
	// Special values (zeros, infinities, NaNs, negative bases with non-integer powers) follow
	// C's rules as Pow does.
	if y == 0 || x == 1 || x != x || y != y || x == 0 || math.IsInf(x, 0) || math.IsInf(y, 0) ||
		(x < 0 && y != math.Trunc(y)) {
		return powSpecial(x, y)
	}
	if y == 1 {
		return x
	}
	neg := x < 0 && isOddInt(y)
	l := ddLog(math.Abs(x))
	p := ddMulF(l, y)
	if p.hi != p.hi {
		// log(x)*y overflowed (the double-double product of an infinity is NaN): its sign
		// decides between an infinite and a zero result below.
		p = dd{hi: l.hi * y}
	}
	var r float64
	switch {
	case p.hi > 710:
		r = math.Inf(1)
	case p.hi < -746:
		r = 0
	default:
		m, k := ddExp(p)
		r = roundScaled(m, k)
	}
	if neg {
		r = -r
	}
	return r
}

// crLog10 is glibc's log10: k*log10(2) split in two parts plus log(m)/ln(10), with the
// correctly rounded log.
func crLog10(x float64) float64 {
	tables()
	switch {
	case x != x:
		return x
	case x < 0:
		return posNaN
	case x == 0:
		return math.Inf(-1)
	case math.IsInf(x, 1):
		return x
	}
	const (
		ivln10    = 4.34294481903251816668e-01
		log10_2hi = 3.01029995663611771306e-01
		log10_2lo = 3.69423907715893078616e-13
	)
	m, e := normalize(x)
	bits := math.Float64bits(m)
	k := int(bits>>52) - 1023 - e
	i := 0
	if k < 0 {
		i = 1
	}
	bits = bits&(1<<52-1) | uint64(0x3ff-i)<<52
	y := float64(k + i)
	z := float64(y*log10_2lo) + float64(ivln10*crLog(math.Float64frombits(bits)))
	return z + float64(y*log10_2hi)
}

var bigOne = big.NewInt(1)
