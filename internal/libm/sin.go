package libm

import (
	"math"
	"math/big"
	"sync"
)

// glibc's sin and cos (sysdeps/ieee754/dbl-64/s_sin.c, IBM's accurate mathematical library
// as cleaned up in glibc 2.28) as its x86-64 FMA build evaluates them. They are not correctly
// rounded: about one result in a thousand differs from the exact one in the last bit, so
// math.sin and math.cos match lua5.1 and redis-server only over this very evaluation order,
// with the multiply-adds the compiler fuses written as math.FMA.
//
// The argument is split as x = X + r with X a multiple of 1/128 read from a table of sin X
// and cos X in double-double, and sin r, cos r - 1 short polynomials; |x| < 0.126 takes a
// degree-11 Taylor polynomial instead.

const (
	sinS1    = -0x1.5555555555555p-3
	sinS2    = 0x1.1111111110ECEp-7
	sinS3    = -0x1.A01A019DB08B8p-13
	sinS4    = 0x1.71DE27B9A7ED9p-19
	sinS5    = -0x1.ADDFFC2FCDF59p-26
	sinBig   = 0x1.8p45
	sinHp0   = 0x1.921FB54442D18p0 // pi/2, high part
	sinHp1   = 0x1.1A62633145C07p-54
	sinMp1   = 0x1.921FB58000000p0
	sinMp2   = -0x1.DDE973C000000p-27
	sinPp3   = -0x1.CB3B398000000p-55
	sinPp4   = -0x1.d747f23e32ed7p-83
	sinHpInv = 0x1.45F306DC9C883p-1
	sinToInt = 0x1.8p52
	sinSn3   = -1.66666666666664880952546298448555e-01
	sinSn5   = 8.33333214285722277379541354343671e-03
	sinCs2   = 4.99999999999999999999950396842453e-01
	sinCs4   = -4.16666666666664434524222570944589e-02
	sinCs6   = 1.38888874007937613028114285595617e-03
)

var (
	sinTabOnce sync.Once
	// sinTab holds, for k in [0, 110), sin(k/128) and cos(k/128) each as a rounded value
	// and the rounded rest: sn, ssn, cs, ccs.
	sinTab [440]float64
)

// sinTabFix holds the entries of glibc's table whose rest is not the correctly rounded
// sin(k/128) - sn or cos(k/128) - cs (glibc's table was computed to about 110 bits): index
// into sinTab and glibc's bits.
var sinTabFix = map[int]uint64{
	9:   0xbc02ab639a9f0777, // sin(2/128)
	41:  0xbc5921915299468c, // sin(10/128)
	93:  0xbbd32c5c8b81c940, // sin(23/128)
	107: 0x3c6e3a0d3e03b1d5, // cos(26/128)
	109: 0xbc59883b57d6cdeb, // sin(27/128)
	133: 0xbc79b8c29dfd8ec8, // sin(33/128)
	137: 0xbc79fb0a0c93e2b5, // sin(34/128)
	145: 0x3c746076fe0dcff5, // sin(36/128)
	161: 0x3c003d5504878398, // sin(40/128)
	179: 0xbc5660aec7ef636c, // cos(44/128)
	283: 0x3c58ff7947027a16, // cos(70/128)
	301: 0xbc5f190c70cbb5ff, // sin(75/128)
	303: 0xbc0b83d607cd5070, // cos(75/128)
	319: 0x3c395e25736c0358, // cos(79/128)
	341: 0xbc797653a7d2f07b, // sin(85/128)
	361: 0x3c20da05738cc59a, // sin(90/128)
	377: 0x3c5c843b4d0fb198, // sin(94/128)
	429: 0x3c4ad1197ccd0393, // sin(107/128)
}

func initSinTab() {
	const prec = 256
	for k := 0; k < 110; k++ {
		x := new(big.Float).SetPrec(prec).SetFloat64(float64(k) / 128)
		s, c := bigSinCos(x, prec)
		for j, v := range []*big.Float{s, c} {
			hi, _ := v.Float64()
			lo, _ := v.Sub(v, new(big.Float).SetFloat64(hi)).Float64()
			sinTab[4*k+2*j], sinTab[4*k+2*j+1] = hi, lo
		}
	}
	for i, bits := range sinTabFix {
		sinTab[i] = math.Float64frombits(bits)
	}
}

// bigSinCos returns sin x and cos x for |x| < 1 to about prec bits, by their Taylor series.
func bigSinCos(x *big.Float, prec uint) (*big.Float, *big.Float) {
	x2 := new(big.Float).SetPrec(prec).Mul(x, x)
	s := new(big.Float).SetPrec(prec).Set(x)
	c := new(big.Float).SetPrec(prec).SetInt64(1)
	st := new(big.Float).SetPrec(prec).Set(x)
	ct := new(big.Float).SetPrec(prec).SetInt64(1)
	d := new(big.Float)
	for n := int64(1); n < 40; n++ {
		st.Mul(st, x2)
		st.Quo(st, d.SetInt64(-(2*n)*(2*n+1)))
		s.Add(s, st)
		ct.Mul(ct, x2)
		ct.Quo(ct, d.SetInt64(-(2*n-1)*(2*n)))
		c.Add(c, ct)
	}
	return s, c
}

// glibcTaylorSin is TAYLOR_SIN: sin(a + da) for |a| < 0.126, xx = a*a.
func glibcTaylorSin(xx, a, da float64) float64 {
	p := math.FMA(math.FMA(math.FMA(sinS5, xx, sinS4), xx, sinS3), xx, sinS2)
	p = math.FMA(p, xx, sinS1)
	t := math.FMA(math.FMA(p, a, -(0.5*da)), xx, da)
	return a + t
}

// glibcDoCos is do_cos: cos(x + dx) by the table.
func glibcDoCos(x, dx float64) float64 {
	if x < 0 {
		dx = -dx
	}
	ax := math.Abs(x)
	u := sinBig + ax
	x = ax - (u - sinBig) + dx
	xx := x * x
	s := math.FMA(x*xx, math.FMA(xx, sinSn5, sinSn3), x)
	c := xx * math.FMA(xx, math.FMA(xx, sinCs6, sinCs4), sinCs2)
	k := int(uint32(math.Float64bits(u))) << 2
	sn, ssn, cs, ccs := sinTab[k], sinTab[k+1], sinTab[k+2], sinTab[k+3]
	cor := math.FMA(-sn, s, math.FMA(-cs, c, math.FMA(-s, ssn, ccs)))
	return cs + cor
}

// glibcDoSin is do_sin: sin(x + dx) by the Taylor polynomial or the table.
func glibcDoSin(x, dx float64) float64 {
	xold := x
	if math.Abs(x) < 0.126 {
		return glibcTaylorSin(x*x, x, dx)
	}
	if x <= 0 {
		dx = -dx
	}
	ax := math.Abs(x)
	u := sinBig + ax
	x = ax - (u - sinBig)
	xx := x * x
	s := x + math.FMA(x*xx, math.FMA(xx, sinSn5, sinSn3), dx)
	c := math.FMA(x, dx, xx*math.FMA(xx, math.FMA(xx, sinCs6, sinCs4), sinCs2))
	k := int(uint32(math.Float64bits(u))) << 2
	sn, ssn, cs, ccs := sinTab[k], sinTab[k+1], sinTab[k+2], sinTab[k+3]
	cor := math.FMA(cs, s, math.FMA(-sn, c, math.FMA(s, ccs, ssn)))
	return math.Copysign(sn+cor, xold)
}

// glibcReduceSinCos is reduce_sincos: x = n*pi/2 + (a + da) for |x| < 105414350.
func glibcReduceSinCos(x float64) (a, da float64, n int) {
	t := math.FMA(x, sinHpInv, sinToInt)
	xn := t - sinToInt
	y := math.FMA(-xn, sinMp2, math.FMA(-xn, sinMp1, x))
	n = int(uint32(math.Float64bits(t)) & 3)
	t2 := math.FMA(-xn, sinPp3, y)
	db := math.FMA(-xn, sinPp3, y-t2)
	b := math.FMA(-xn, sinPp4, t2)
	db += math.FMA(-xn, sinPp4, t2-b)
	return b, db, n
}

// glibcDoSinCos is do_sincos: sin or cos of a + da by quadrant n.
func glibcDoSinCos(a, da float64, n int) float64 {
	var r float64
	if n&1 != 0 {
		r = glibcDoCos(a, da)
	} else {
		r = glibcDoSin(a, da)
	}
	if n&2 != 0 {
		return -r
	}
	return r
}

// glibcHugeReduce reduces |x| >= 105414350 as glibc does (__branred).
func glibcHugeReduce(x float64) (a, da float64, n int) { return Branred(x) }

// Sin is sin(x) as glibc 2.36 computes it on x86-64 with FMA, for finite x.
func Sin(x float64) float64 {
	sinTabOnce.Do(initSinTab)
	k := uint32(math.Float64bits(x)>>32) & 0x7fffffff
	switch {
	case k < 0x3e500000:
		return x
	case k < 0x3feb6000:
		return glibcDoSin(x, 0)
	case k < 0x400368fd:
		t := sinHp0 - math.Abs(x)
		return math.Copysign(glibcDoCos(t, sinHp1), x)
	case k < 0x419921FB:
		a, da, n := glibcReduceSinCos(x)
		return glibcDoSinCos(a, da, n)
	}
	a, da, n := glibcHugeReduce(x)
	return glibcDoSinCos(a, da, n)
}

// Cos is cos(x) as glibc 2.36 computes it on x86-64 with FMA, for finite x.
func Cos(x float64) float64 {
	sinTabOnce.Do(initSinTab)
	k := uint32(math.Float64bits(x)>>32) & 0x7fffffff
	switch {
	case k < 0x3e400000:
		return 1
	case k < 0x3feb6000:
		return glibcDoCos(x, 0)
	case k < 0x400368fd:
		y := sinHp0 - math.Abs(x)
		a := y + sinHp1
		da := (y - a) + sinHp1
		return glibcDoSin(a, da)
	case k < 0x419921FB:
		a, da, n := glibcReduceSinCos(x)
		return glibcDoSinCos(a, da, n+1)
	}
	a, da, n := glibcHugeReduce(x)
	return glibcDoSinCos(a, da, n+1)
}
