package luanum

import (
	"math"
	"math/big"
	"sync"
)

// glibc's exp (sysdeps/ieee754/dbl-64/e_exp.c, the table-driven algorithm glibc has used
// since 2.28) as its x86-64 FMA build evaluates it: exp(x) = 2^(k/128) * exp(r), with
// 2^(j/128) stored as scale * (1 + tail) and exp(r) - 1 a degree-5 polynomial. It is not
// correctly rounded (about one result in 400 differs from the exact one in the last bit), so
// math.exp, sinh and cosh match glibc only over this very evaluation order.

const (
	expInvLn2N   = 0x1.71547652b82fep0 * 128 // 128/ln2
	expNegLn2HiN = -0x1.62e42fefa0000p-8     // -ln2/128, high part
	expNegLn2LoN = -0x1.cf79abc9e3b3ap-47    // -ln2/128, low part
	expShift     = 0x1.8p52
	expC2        = 0x1.ffffffffffdbdp-2
	expC3        = 0x1.555555555543cp-3
	expC4        = 0x1.55555cf172b91p-5
	expC5        = 0x1.1111167a4d017p-7
)

var (
	expTabOnce sync.Once
	// expTab holds, for j in [0, 128), the bits of tail_j and the bits of scale_j minus
	// j<<45, where 2^(j/128) = scale_j * (1 + tail_j) and scale_j is 2^(j/128) rounded.
	expTab [256]uint64
)

func initExpTab() {
	const prec = 300
	root := new(big.Float).SetPrec(prec).SetInt64(2)
	for i := 0; i < 7; i++ {
		root.Sqrt(root) // 2^(1/128)
	}
	pw := new(big.Float).SetPrec(prec).SetInt64(1)
	for j := 0; j < 128; j++ {
		scale, _ := pw.Float64()
		tail := new(big.Float).SetPrec(prec).Quo(pw, new(big.Float).SetPrec(prec).SetFloat64(scale))
		tail.Sub(tail, new(big.Float).SetPrec(prec).SetInt64(1))
		t, _ := tail.Float64()
		expTab[2*j] = math.Float64bits(t)
		expTab[2*j+1] = math.Float64bits(scale) - uint64(j)<<45
		pw.Mul(pw, root)
	}
}

// top12 returns the sign and exponent bits of x.
func top12(x float64) uint32 { return uint32(math.Float64bits(x) >> 52) }

// glibcExp is exp exactly as glibc 2.36 computes it on x86-64 with FMA.
func glibcExp(x float64) float64 {
	expTabOnce.Do(initExpTab)
	abstop := top12(x) & 0x7ff
	if abstop-top12(0x1p-54) >= top12(512)-top12(0x1p-54) {
		if int32(abstop-top12(0x1p-54)) < 0 {
			return 1 + x // tiny x, or 0
		}
		if abstop >= top12(1024) {
			switch {
			case math.IsInf(x, -1):
				return 0
			case abstop >= top12(math.Inf(1)):
				return 1 + x
			case x < 0:
				return 0 // underflow
			}
			return math.Inf(1) // overflow
		}
		abstop = 0 // large |x|: scaled with care below
	}
	// x = k ln2/128 + r, |r| <= ln2/256
	kd := math.FMA(x, expInvLn2N, expShift)
	ki := math.Float64bits(kd)
	kd -= expShift
	r := math.FMA(kd, expNegLn2HiN, x)
	r = math.FMA(kd, expNegLn2LoN, r)
	idx := 2 * (ki % 128)
	top := ki << 45
	tail := math.Float64frombits(expTab[idx])
	sbits := expTab[idx+1] + top
	r2 := float64(r * r)
	tmp := math.FMA(math.FMA(r, expC3, expC2), r2, r+tail)
	tmp = math.FMA(float64(r2*r2), math.FMA(r, expC5, expC4), tmp)
	if abstop == 0 {
		return expSpecial(tmp, sbits, ki)
	}
	scale := math.Float64frombits(sbits)
	return math.FMA(scale, tmp, scale)
}

// expSpecial finishes glibcExp when the scale's exponent may overflow or underflow.
func expSpecial(tmp float64, sbits, ki uint64) float64 {
	if ki&0x80000000 == 0 {
		// k > 0: the exponent of scale might have overflowed by up to 460
		sbits -= 1009 << 52
		scale := math.Float64frombits(sbits)
		return 0x1p1009 * math.FMA(scale, tmp, scale)
	}
	// k < 0: the result may be subnormal
	sbits += 1022 << 52
	scale := math.Float64frombits(sbits)
	y := scale + float64(scale*tmp)
	if y < 1 {
		// round y to the final precision before scaling it into the subnormal range
		lo := scale - y + float64(scale*tmp)
		hi := 1 + y
		lo = 1 - hi + y + lo
		y = (hi + lo) - 1
		if y == 0 {
			y = 0
		}
	}
	return 0x1p-1022 * y
}
