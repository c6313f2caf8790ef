package libm

import (
	"math"
	"math/big"
	"sync"
)

// glibc's __branred (sysdeps/ieee754/dbl-64/branred.c): x = n*pi/2 + (a + aa) for large
// |x|, with 2/pi in 24-bit digits (toverp) multiplied by the two 26-bit halves of x. All
// the products are exact, so the compiler's multiply-add fusion changes nothing.

const (
	brSplit = 134217729.0 // 2^27 + 1
	brBig   = 0x1.8p52
	brBig1  = 0x1.8p54
	brMp2   = -0x1.dde974p-27
)

var (
	toverpOnce sync.Once
	// toverp holds 2/pi in base 2^24: 2/pi = sum toverp[i] 2^(-24(i+1)).
	toverp [75]float64
)

func initToverp() {
	const prec = 75*24 + 64
	v := new(big.Float).SetPrec(prec).Quo(big.NewFloat(2).SetPrec(prec), Pi(prec))
	d := new(big.Float).SetPrec(prec)
	for i := range toverp {
		v.SetMantExp(v, 24)
		n, _ := v.Int64()
		toverp[i] = float64(n)
		v.Sub(v, d.SetInt64(n))
	}
}

// branredHalf multiplies one 26-bit part of x by 2/pi and returns the integer part sum
// (reduced mod 4), and the fraction as b + bb.
func branredHalf(x1 float64) (sum, b, bb float64) {
	var r [6]float64
	k := int(math.Float64bits(x1)>>52&2047-450) / 24
	if k < 0 {
		k = 0
	}
	gor := math.Float64frombits(math.Float64bits(0x1p576) - uint64(k*24)<<52)
	for i := range r {
		r[i] = float64(x1*toverp[k+i]) * gor
		gor *= 0x1p-24
	}
	for i := 0; i < 3; i++ {
		s := (r[i] + brBig) - brBig
		sum += s
		r[i] -= s
	}
	t := 0.0
	for i := 0; i < 6; i++ {
		t += r[5-i]
	}
	bb = (((((r[0] - t) + r[1]) + r[2]) + r[3]) + r[4]) + r[5]
	s := (t + brBig) - brBig
	sum += s
	t -= s
	b = t + bb
	bb = (t - b) + bb
	s = (sum + brBig1) - brBig1
	sum -= s
	return sum, b, bb
}

// Branred is glibc's __branred: n and a + aa with x = n*pi/2 + (a + aa), |a + aa| <= pi/4.
func Branred(x float64) (a, aa float64, n int) {
	toverpOnce.Do(initToverp)
	x *= 0x1p-600
	t := float64(x * brSplit)
	x1 := t - (t - x)
	x2 := x - x1
	sum1, b1, bb1 := branredHalf(x1)
	sum2, b2, bb2 := branredHalf(x2)
	sum := sum1 + sum2
	b := b1 + b2
	var bb float64
	if math.Abs(b1) > math.Abs(b2) {
		bb = (b1 - b) + b2
	} else {
		bb = (b2 - b) + b1
	}
	if b > 0.5 {
		b -= 1
		sum += 1
	} else if b < -0.5 {
		b += 1
		sum -= 1
	}
	s := b + (bb + bb1 + bb2)
	t = ((b - s) + bb) + (bb1 + bb2)
	b = float64(s * brSplit)
	t1 := b - (b - s)
	t2 := s - t1
	b = float64(s * sinHp0)
	bb = (((float64(t1*sinMp1) - b) + float64(t1*brMp2)) + float64(t2*sinMp1)) + (float64(t2*brMp2) + float64(s*sinHp1) + float64(t*sinHp0))
	s = b + bb
	t = (b - s) + bb
	return s, t, int(sum) & 3
}
