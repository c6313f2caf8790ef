package libm

import "math"

// glibc's tan (sysdeps/ieee754/dbl-64/s_tan.c without the multi-precision slow paths, as
// in glibc 2.34 and later) as its x86-64 FMA build evaluates it: a Taylor polynomial below
// 0.0608, else tan of a table point xi near the argument plus a correction, after a
// reduction by multiples of pi/2 above 0.787 (tan or -cot by the parity of the quadrant).

const (
	tanD3    = 0x1.5555555555555p-2
	tanD5    = 0x1.11111111107c6p-3
	tanD7    = 0x1.ba1ba1cdb8745p-5
	tanD9    = 0x1.664ed49cfc666p-6
	tanD11   = 0x1.2385a3cf2e4eap-7
	tanE0    = 0x1.5555555554dbdp-2
	tanE1    = 0x1.11112e0a6b45fp-3
	tanMff   = -15.5
	tanG1    = 0x1.b096cp-27 // 1.259e-8
	tanG2    = 0x1.f212dp-5  // 0.0608
	tanG3    = 0x1.92f1ap-1  // 0.787
	tanG4    = 25
	tanG5    = 0x1.7d784p26 // 1e8
	tanMp3   = -0x1.cb3b399d747f2p-55
	tanHpInv = sinHpInv
	tanToInt = sinToInt
)

// glibcTanPoly is the odd polynomial of tan for |x| <= 0.0608, without its first term:
// the sum of d(2k+1) x^(2k+1) for k >= 1 divided by x^3.
func glibcTanPoly(x2 float64) float64 {
	t := math.FMA(x2, tanD11, tanD9)
	t = math.FMA(x2, t, tanD7)
	t = math.FMA(x2, t, tanD5)
	return math.FMA(x2, t, tanD3)
}

// glibcTanSmall is tan or -cot (odd n) of a + da for |a| <= 0.0608.
func glibcTanSmall(a, da float64, n int) float64 {
	a2 := a * a
	t2 := math.FMA(a*a2, glibcTanPoly(a2), da)
	if n == 0 {
		return a + t2
	}
	// -1/(a + t2) in double-double (EADD, then DIV2 of 1 by it).
	b := a + t2
	var db float64
	if math.Abs(a) > math.Abs(t2) {
		db = (a - b) + t2
	} else {
		db = (t2 - b) + a
	}
	c := 1 / b
	u := float64(c * b) // not fused into 1 - u below
	uu := math.FMA(c, b, -u)
	cc := math.FMA(-c, db, ((1-u)-uu)+0) / b
	z := c + cc
	zz := (c - z) + cc
	return -(z + zz)
}

// glibcTanTable is tan or -cot (odd n) of sy*(ya + yya), 0.0608 < ya <= 0.787, by the table.
func glibcTanTable(ya, yya, sy float64, n int) float64 {
	e := &tanTab[int(tanMff+256*ya)]
	z := (ya - math.Float64frombits(e[0])) + yya
	z2 := z * z
	pz := math.FMA(z*z2, math.FMA(z2, tanE1, tanE0), z)
	fi, gi := math.Float64frombits(e[1]), math.Float64frombits(e[2])
	if n == 0 {
		t2 := pz * (gi + fi) / (gi - pz)
		return sy * (fi + t2)
	}
	t2 := pz * (fi + gi) / (fi + pz)
	return -sy * (gi - t2)
}

// glibcTanReduced finishes tan after a reduction to a + da, quadrant parity n.
func glibcTanReduced(a, da float64, n int) float64 {
	ya, yya, sy := a, da, 1.0
	if a < 0 {
		ya, yya, sy = -a, -da, -1
	}
	if ya <= tanG2 {
		return glibcTanSmall(a, da, n)
	}
	return glibcTanTable(ya, yya, sy, n)
}

// Tan is tan(x) as glibc 2.36 computes it on x86-64 with FMA, for finite x.
func Tan(x float64) float64 {
	w := math.Abs(x)
	switch {
	case w <= tanG1:
		return x
	case w <= tanG2:
		x2 := x * x
		return math.FMA(glibcTanPoly(x2), x*x2, x)
	case w <= tanG3:
		s := 1.0
		if x < 0 {
			s = -1
		}
		return glibcTanTable(w, 0, s, 0)
	}
	var a, da float64
	var n int
	if w <= tanG5 {
		t := math.FMA(x, tanHpInv, tanToInt)
		xn := t - tanToInt
		n = int(uint32(math.Float64bits(t)) & 1)
		t1 := math.FMA(-xn, sinMp2, math.FMA(-xn, sinMp1, x))
		if w <= tanG4 {
			a = math.FMA(-xn, tanMp3, t1)
			da = math.FMA(-xn, tanMp3, t1-a)
		} else {
			t := math.FMA(-xn, sinPp3, t1)
			da = math.FMA(-xn, sinPp3, t1-t)
			a = math.FMA(-xn, sinPp4, t)
			da = math.FMA(-xn, sinPp4, t-a) + da
			a, da = glibcEAdd(a, da)
		}
	} else {
		a0, da0, q := glibcHugeReduce(x)
		a, da = glibcEAdd(a0, da0)
		n = q & 1
	}
	return glibcTanReduced(a, da, n)
}

// glibcEAdd is EADD: x + y as a rounded sum and its error.
func glibcEAdd(x, y float64) (float64, float64) {
	z := x + y
	if math.Abs(x) > math.Abs(y) {
		return z, (x - z) + y
	}
	return z, (y - z) + x
}
