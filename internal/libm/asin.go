package libm

import "math"

// glibc's asin and acos (sysdeps/ieee754/dbl-64/e_asin.c without the multi-precision slow
// paths, as in glibc 2.34 and later) as its x86-64 FMA build evaluates them: a Taylor
// polynomial below 0.125, a polynomial around the centre of one of many subintervals up to
// 0.96875 (asinTab), and above that asin x = pi/2 - 2 asin sqrt((1-x)/2) with the square
// root computed by Newton steps from a table of 1/sqrt.

const (
	asinF1  = 1.66666666666664110590506577996662e-01
	asinF2  = 7.50000000026122686814431784722623e-02
	asinF3  = 4.46428561421059750978517350006940e-02
	asinF4  = 3.03821268582119319911193410625235e-02
	asinF5  = 2.23551211026525610742786300334557e-02
	asinF6  = 1.81382903404565056280372531963613e-02
	asinRt0 = 9.99999999859990725855365213134618e-01
	asinRt1 = 4.99999999495955425917856814202739e-01
	asinRt2 = 3.75017500867345182581453026130850e-01
	asinRt3 = 3.12523626554518656309172508769531e-01
	asinT24 = 16777216.0
	asinT27 = 134217728.0
	asinHp0 = sinHp0
	asinHp1 = sinHp1
)

// asinInRoot is root.tbl's inroot: 1/sqrt of the midpoints of 128 subintervals of [1, 4),
// to 15 digits.
var asinInRoot = [128]float64{
	1.40872145012100, 1.39792649065766, 1.38737595123859, 1.37706074531819,
	1.36697225234682, 1.35710228748795, 1.34744307370643, 1.33798721601135,
	1.32872767765984, 1.31965775814772, 1.31077107283046, 1.30206153403386,
	1.29352333352711, 1.28515092624400, 1.27693901514820, 1.26888253714903,
	1.26097664998256, 1.25321671998073, 1.24559831065844, 1.23811717205462,
	1.23076923076923, 1.22355058064300, 1.21645747403153, 1.20948631362953,
	1.20263364480453, 1.19589614840310, 1.18927063399547, 1.18275403352732,
	1.17634339535009, 1.17003587860341, 1.16382874792529, 1.15771936846787,
	1.15170520119791, 1.14578379846309, 1.13995279980655, 1.13420992801334,
	1.12855298537376, 1.12297985014975, 1.11748847323133, 1.11207687497107,
	1.10674314218572, 1.10148542531442, 1.09630193572405, 1.09119094315276,
	1.08615077328341, 1.08117980543918, 1.07627647039410, 1.07143924829188,
	1.06666666666667, 1.06195729855996, 1.05730976072814, 1.05272271193563,
	1.04819485132867, 1.04372491688551, 1.03931168393861, 1.03495396376504,
	1.03065060224133, 1.02640047855933, 1.02220250399990, 1.01805562076124,
	1.01395880083916, 1.00991104495649, 1.00591138153909, 1.00195886573624,
	0.99611649018350, 0.98848330114434, 0.98102294317595, 0.97372899112030,
	0.96659534932828, 0.95961623024651, 0.95278613468066, 0.94609983358253,
	0.93955235122353, 0.93313894963169, 0.92685511418159, 0.92069654023750,
	0.91465912076005, 0.90873893479530, 0.90293223677296, 0.89723544654727,
	0.89164514012056, 0.88615804099474, 0.88077101210109, 0.87548104826333,
	0.87028526915267, 0.86518091269740, 0.86016532891275, 0.85523597411976,
	0.85039040552437, 0.84562627613070, 0.84094132996422, 0.83633339758291,
	0.83180039185606, 0.82734030399203, 0.82295119979782, 0.81863121615464,
	0.81437855769486, 0.81019149366693, 0.80606835497581, 0.80200753138734,
	0.79800746888611, 0.79406666717674, 0.79018367731967, 0.78635709949278,
	0.78258558087123, 0.77886781361798, 0.77520253297841, 0.77158851547266,
	0.76802457717971, 0.76450957210799, 0.76104239064719, 0.75762195809661,
	0.75424723326565, 0.75091720714229, 0.74763090162560, 0.74438736831878,
	0.74118568737933, 0.73802496642311, 0.73490433947940, 0.73182296599416,
	0.72878002987884, 0.72577473860242, 0.72280632232420, 0.71987403306536,
	0.71697714391715, 0.71411494828392, 0.71128675915902, 0.70849190843208,
}

func asinT(i int) float64 { return math.Float64frombits(asinTab[i]) }

// asinPolyF is the Taylor polynomial f1 + f2 z + ... + f6 z^5 of (asin sqrt z - sqrt z)/z^1.5.
func asinPolyF(z float64) float64 {
	p := math.FMA(asinF6, z, asinF5)
	p = math.FMA(p, z, asinF4)
	p = math.FMA(p, z, asinF3)
	p = math.FMA(p, z, asinF2)
	return math.FMA(p, z, asinF1)
}

// asinBand returns, for 0.125 <= |x| < 0.96875 (k the high word without sign), the index of
// the subinterval's entry and its number of polynomial coefficients after the linear one.
func asinBand(k uint32) (n, deg int) {
	switch {
	case k < 0x3fd00000:
		return int(11 * ((k & 0xfffff) >> 15)), 5
	case k < 0x3fe00000:
		return int(11*((k&0xfffff)>>14) + 352), 5
	case k < 0x3fe80000:
		return int(1056 + ((k&0xfe000)>>11)*3), 6
	case k < 0x3fed8000:
		return int(992 + ((k&0xfe000)>>13)*13), 7
	case k < 0x3fee8000:
		return int(884 + ((k&0xfe000)>>13)*14), 8
	}
	return int(768 + ((k&0xfe000)>>13)*15), 9
}

// asinBandSum returns t = a1 xx + (xx^2 (a2 + xx (a3 + ...)) + c) for the entry at n, and
// the index of asin of the centre.
func asinBandSum(ax float64, n, deg int) (float64, int) {
	xx := ax - asinT(n)
	p := asinT(n + 1 + deg)
	for i := n + deg; i >= n+2; i-- {
		p = math.FMA(xx, p, asinT(i))
	}
	p = math.FMA(xx*xx, p, asinT(n+2+deg))
	return math.FMA(asinT(n+1), xx, p), n + 3 + deg
}

// asinSqrt returns y and cc with y + cc = sqrt(z) for z = (1 - |x|)/2, y rounded to 24
// significant bits for asin and split at 2^27 times for acos.
func asinSqrt(z float64, acos bool) (y, cc float64) {
	k := uint32(math.Float64bits(z) >> 32)
	t := asinInRoot[(k&0x1fffff)>>14] * math.Ldexp(1, int(511-(k>>21)))
	r := math.FMA(-(t * t), z, 1)
	t = t * math.FMA(r, math.FMA(r, math.FMA(r, asinRt3, asinRt2), asinRt1), asinRt0)
	c := t * z
	t = c * math.FMA(-(0.5*t), c, 1.5)
	if acos {
		y = (asinT27*c + c) - asinT27*c // exact products: fusing changes nothing
	} else {
		y = (c + asinT24) - asinT24
	}
	cc = math.FMA(-y, y, z) / (t + y)
	return y, cc
}

// Asin is asin(x) as glibc 2.36 computes it on x86-64 with FMA, for |x| <= 1.
func Asin(x float64) float64 {
	hi := uint32(math.Float64bits(x) >> 32)
	k := hi & 0x7fffffff
	neg := x < 0
	ax := math.Abs(x)
	var res float64
	switch {
	case k < 0x3e500000:
		return x
	case k < 0x3fc00000:
		x2 := x * x
		return math.FMA(asinPolyF(x2), x2*x, x)
	case k < 0x3fef0000:
		n, deg := asinBand(k)
		t, c := asinBandSum(ax, n, deg)
		res = asinT(c) + t
	case k < 0x3ff00000:
		z := 0.5 * (1 - ax)
		y, cc := asinSqrt(z, false)
		p := asinPolyF(z) * z
		cor := math.FMA(-(2 * (y + cc)), p, asinHp1-2*cc)
		res = (asinHp0 - 2*y) + cor
	default:
		res = asinHp0 // |x| = 1
	}
	if neg {
		return -res
	}
	return res
}

// Acos is acos(x) as glibc 2.36 computes it on x86-64 with FMA, for |x| <= 1.
func Acos(x float64) float64 {
	hi := uint32(math.Float64bits(x) >> 32)
	k := hi & 0x7fffffff
	neg := x < 0
	ax := math.Abs(x)
	switch {
	case k < 0x3c880000:
		return asinHp0
	case k < 0x3fc00000:
		x2 := x * x
		r := asinHp0 - x
		cor := math.FMA(-asinPolyF(x2), x2*x, ((asinHp0-r)-x)+asinHp1)
		return r + cor
	case k < 0x3fef0000:
		n, deg := asinBand(k)
		t, c := asinBandSum(ax, n, deg)
		if neg {
			return (asinHp0 + asinT(c)) + (asinHp1 + t)
		}
		return (asinHp0 - asinT(c)) + (asinHp1 - t)
	case k < 0x3ff00000:
		z := 0.5 * (1 - ax)
		y, cc := asinSqrt(z, true)
		p := asinPolyF(z) * z
		// The compiler computes (y + cc) p once for both branches, so it is not fused with
		// the addition in either.
		var res float64
		if neg {
			cor := (asinHp1 - cc) - float64((y+cc)*p)
			res = (asinHp0 - y) + cor
		} else {
			res = y + (cc + float64(p*(y+cc)))
		}
		return res + res
	}
	if neg {
		return 2 * asinHp0
	}
	return 0
}
